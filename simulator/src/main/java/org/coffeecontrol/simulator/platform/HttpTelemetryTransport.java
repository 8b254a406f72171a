package org.coffeecontrol.simulator.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code POST <platform>/api/telemetry/{family}/{serial}} with the machine's bearer secret. */
public final class HttpTelemetryTransport implements TelemetryTransport {

    private final URI platform;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public HttpTelemetryTransport(URI platform, HttpClient http, Duration timeout) {
        this.platform = platform;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public UploadResult post(String family, String serial, String secret, String contentType, byte[] body) {
        URI uri = platform.resolve("/api/telemetry/" + enc(family) + "/" + enc(serial));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new UploadResult.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UploadResult.Failed("interrupted");
        }
        return interpret(response.statusCode(), response.body());
    }

    @Override
    public UploadResult postJobResult(String family, String serial, String secret, String jobId, boolean ok,
            byte[] body) {
        URI uri = platform.resolve("/api/telemetry/" + enc(family) + "/" + enc(serial) + "/jobs/" + enc(jobId)
                + "/result?status=" + (ok ? "ok" : "failed"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 200) {
                return new UploadResult.Stored(0, 0, -1, List.of());
            }
            JsonNode node = parse(r.body());
            String reason = text(node, "reason", r.body());
            return r.statusCode() >= 400 && r.statusCode() < 500 ? new UploadResult.Refused(r.statusCode(), abbreviate(reason))
                    : new UploadResult.Failed("HTTP " + r.statusCode() + ": " + abbreviate(reason));
        } catch (IOException e) {
            return new UploadResult.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UploadResult.Failed("interrupted");
        }
    }

    UploadResult interpret(int status, String body) {
        JsonNode node = parse(body);
        String reason = text(node, "reason", text(node, "message", body));
        if (status == 200) {
            if (node == null || !"STORED".equals(text(node, "status", ""))) {
                // A 200 we cannot read does not prove durability: keep the events and resend.
                return new UploadResult.Failed("unreadable 200 answer: " + abbreviate(body));
            }
            List<String> jobs = new ArrayList<>();
            node.path("jobs").forEach(j -> jobs.add(j.toString()));
            return new UploadResult.Stored(node.path("accepted").asInt(), node.path("duplicates").asInt(),
                    node.path("lastSeq").asLong(-1), jobs);
        }
        if (status == 202) {
            return new UploadResult.DeadLettered(text(node, "deadLetterId", ""), reason);
        }
        if (status == 422) {
            return new UploadResult.Rejected(text(node, "deadLetterId", ""), reason);
        }
        if (status == 413) {
            return new UploadResult.TooLarge();
        }
        if (status >= 400 && status < 500) {
            return new UploadResult.Refused(status, abbreviate(reason));
        }
        return new UploadResult.Failed("HTTP " + status + ": " + abbreviate(reason));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : fallback;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
