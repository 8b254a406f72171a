package org.coffeecontrol.simulator.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.PosSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeds a stand-in of the catalogue REST API that behaves like the contract: list with ?q=, POST returns 201. */
class PlatformSeederTest {

    static {
        // The JDK server writes headers and body apart: without TCP_NODELAY every request waits for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<ObjectNode>> collections = new HashMap<>();
    private final Map<Long, String> secrets = new HashMap<>();
    private long nextId = 1;
    private int posts;
    private HttpServer server;
    private String badField;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PlatformClient client(String password) {
        return new PlatformClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), "admin", password);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            reply(ex, 401, "{\"status\":401,\"message\":\"authentication required\"}");
            return;
        }
        String[] parts = ex.getRequestURI().getPath().split("/");
        String collection = parts[2];
        List<ObjectNode> items = collections.computeIfAbsent(collection, c -> new ArrayList<>());
        switch (ex.getRequestMethod()) {
            case "GET" -> {
                String q = URLDecoder.decode(ex.getRequestURI().getRawQuery().replaceAll(".*q=([^&]*).*", "$1"),
                        StandardCharsets.UTF_8);
                ObjectNode page = json.createObjectNode();
                // a loose text match, as the real search is: the seeder must pick the exact one itself
                items.stream().filter(i -> i.toString().contains(q)).forEach(page.putArray("items")::add);
                if (!page.has("items")) {
                    page.putArray("items");
                }
                page.put("total", page.get("items").size());
                reply(ex, 200, page.toString());
            }
            case "POST" -> {
                ObjectNode body = (ObjectNode) json.readTree(ex.getRequestBody());
                if (badField != null && body.has(badField)) {
                    reply(ex, 400, "{\"status\":400,\"field\":\"" + badField + "\",\"message\":\"must not be blank\"}");
                    return;
                }
                body.put("id", nextId++);
                items.add(body);
                posts++;
                reply(ex, 201, body.toString());
            }
            case "PUT" -> {
                secrets.put(Long.parseLong(parts[3]), json.readTree(ex.getRequestBody()).get("secret").asText());
                reply(ex, 204, "");
            }
            default -> reply(ex, 405, "{}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
        ex.close();
    }

    @Test
    void seedsEverythingOnceAndLinksTheIds() {
        FleetModel fleet = FleetModel.generate(new FleetSpec(42, 12, 5, 2));
        PlatformSeeder seeder = new PlatformSeeder(client("pw"), "127.0.0.1", 2222);
        PlatformSeeder.Report first = seeder.seed(fleet);
        int models = (int) fleet.machines().stream().map(MachineSpec::model).distinct().count();
        int expected = fleet.regions().size() + 2 + models + 5 + 12;
        assertEquals(new PlatformSeeder.Report(expected, 0), first);

        PlatformSeeder.Report second = seeder.seed(fleet);
        assertEquals(new PlatformSeeder.Report(0, expected), second);
        assertEquals(expected, posts, "nothing created twice");

        PosSpec p0 = fleet.pointsOfSale().get(0);
        JsonNode pos = collections.get("pos").get(0);
        assertEquals(p0.code(), pos.get("code").asText());
        assertEquals(p0.openingHours().get("MON"), pos.get("openingHours").get("MON").asText());
        assertEquals(p0.cleaningTimes(), pos.get("cleaningTimes").asText());
        long clientId = pos.get("clientId").asLong();
        assertEquals(p0.clientCode(), collections.get("clients").stream()
                .filter(c -> c.get("id").asLong() == clientId).findFirst().orElseThrow().get("code").asText());

        MachineSpec m0 = fleet.machines().get(0);
        JsonNode eq = collections.get("equipment").get(0);
        assertEquals(m0.serial(), eq.get("serialNumber").asText());
        assertEquals(2222, eq.get("sshPort").asInt());
        assertEquals("127.0.0.1", eq.get("host").asText());
        JsonNode model = collections.get("models").stream()
                .filter(m -> m.get("id").asLong() == eq.get("modelId").asLong()).findFirst().orElseThrow();
        assertEquals(m0.family(), model.get("family").asText());
        assertEquals(Secrets.telemetrySecret(42, m0.serial()), secrets.get(eq.get("id").asLong()));
        assertEquals(12, secrets.size());
    }

    @Test
    void platformErrorsNameTheField() {
        badField = "cleaningTimes";
        FleetModel fleet = FleetModel.generate(new FleetSpec(42, 2, 2, 1));
        PlatformException e = assertThrows(PlatformException.class,
                () -> new PlatformSeeder(client("pw"), "127.0.0.1", 2222).seed(fleet));
        assertEquals(400, e.status());
        assertEquals("cleaningTimes", e.field());
        assertTrue(e.getMessage().contains("must not be blank"));
    }

    @Test
    void wrongPasswordIsReported() {
        FleetModel fleet = FleetModel.generate(new FleetSpec(42, 2, 2, 1));
        PlatformException e = assertThrows(PlatformException.class,
                () -> new PlatformSeeder(client("wrong"), "127.0.0.1", 2222).seed(fleet));
        assertEquals(401, e.status());
    }
}
