package org.coffeecontrol.simulator.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's catalogue REST API as the seeder needs it, and nothing else: the one class to adapt when the
 * REST contract changes. Authenticates with HTTP Basic; errors become {@link PlatformException}.
 */
public final class PlatformClient {

    /** Catalogue collections and the attribute that identifies an object of each for idempotent seeding. */
    public enum Collection {
        REGIONS("/api/regions", "code"), CLIENTS("/api/clients", "code"), MODELS("/api/models", "name"),
        POS("/api/pos", "code"), EQUIPMENT("/api/equipment", "serialNumber");

        final String path;
        final String key;

        Collection(String path, String key) {
            this.path = path;
            this.key = key;
        }
    }

    private final URI platform;
    private final HttpClient http;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration timeout = Duration.ofSeconds(30);

    public PlatformClient(URI platform, HttpClient http, String user, String password) {
        this.platform = platform;
        this.http = http;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the object whose key attribute equals {@code key} exactly, if the platform has one. */
    public Optional<Long> find(Collection c, String key) {
        JsonNode page = send("GET", c.path + "?q=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&limit=1000",
                null);
        for (JsonNode item : page.path("items")) {
            if (key.equals(item.path(c.key).asText())) {
                return Optional.of(item.path("id").asLong());
            }
        }
        return Optional.empty();
    }

    /** Creates an object and returns its id. */
    public long create(Collection c, Map<String, Object> fields) {
        JsonNode created = send("POST", c.path, fields);
        if (!created.hasNonNull("id")) {
            throw new PlatformException(0, null, "POST " + c.path + " answered without an id");
        }
        return created.get("id").asLong();
    }

    /** {@code POST /api/fleet/import} with rows as JSON objects; the report, or a PlatformException for a 422. */
    public JsonNode importFleet(List<Map<String, Object>> rows) {
        return send("POST", "/api/fleet/import", rows);
    }

    public void setTelemetrySecret(long equipmentId, String secret) {
        send("PUT", "/api/equipment/" + equipmentId + "/telemetry-secret", Map.of("secret", secret));
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(platform.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
        try {
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + body, e);
        }
        HttpResponse<String> response;
        HttpRequest request = b.build();
        long giveUpAt = System.nanoTime() + REPUBLISH_PATIENCE_NANOS;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // The REST whiteboard redeploys all endpoints when a bundle comes or goes; meanwhile every path
            // answers this bare 404 (or 503), which means "ask again shortly", not "no such thing".
            while (republishing(response) && System.nanoTime() < giveUpAt) {
                Thread.sleep(500);
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new PlatformException(0, null, method + " " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(0, null, method + " " + path + ": interrupted");
        }
        JsonNode node = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = node.hasNonNull("message") ? node.get("message").asText()
                    : abbreviate(response.body());
            throw new PlatformException(response.statusCode(),
                    node.hasNonNull("field") ? node.get("field").asText() : null, method + " " + path + ": " + message);
        }
        return node;
    }

    private static final long REPUBLISH_PATIENCE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    static boolean republishing(HttpResponse<String> response) {
        return response.statusCode() == 503
                || response.statusCode() == 404 && response.body() != null
                        && response.body().contains("No service was found");
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
