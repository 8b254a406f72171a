package org.coffeecontrol.itests.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/fleet/import} on the shared distribution, with a fleet of its own ({@code FI-<run>-} codes):
 * a dry run writes nothing, the CSV creates clients, points of sale (with their zones) and machines whose secret
 * lets them call home, the same file again changes nothing, and a file with bad rows is refused whole with each
 * error named.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetImportIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36)
            .toUpperCase(Locale.ROOT);
    private static final String P = "FI-" + RUN + "-";
    private static final String SECRET = "fleet-import-secret-" + RUN;
    private static final String MODEL = P + "Model";

    static Distribution dist;
    static Rest admin;

    @BeforeAll
    static void setUp() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
    }

    private static String fleetCsv() {
        return "client,pos_code,pos_name,latitude,longitude,opening_hours,time_zone,family,model,serial,secret\n"
                + P + "Client," + P + "POS-1,\"FI shop 1, Samara\",53.2,50.1,ALL=07:00-22:00,Europe/Samara,wmf,"
                + MODEL + "," + P + "W1," + SECRET + "\n"
                + P + "Client," + P + "POS-1,,,,,,," + MODEL + "," + P + "W2," + SECRET + "\n"
                + P + "Client," + P + "POS-2,FI shop 2,55.0,82.9,,Asia/Novosibirsk,,,,\n";
    }

    private static JsonNode pos(String code) {
        for (JsonNode item : admin.get("/api/pos?q=" + code + "&limit=10").expect(200).json().path("items")) {
            if (code.equals(item.path("code").asText())) {
                return item;
            }
        }
        return null;
    }

    private static String counts(JsonNode c) {
        return c.path("clients").asInt() + "/" + c.path("regions").asInt() + "/" + c.path("models").asInt() + "/"
                + c.path("pointsOfSale").asInt() + "/" + c.path("equipment").asInt();
    }

    @Test
    @Order(1)
    void aDryRunOfJsonRowsCountsAndWritesNothing() {
        List<Map<String, Object>> rows = List.of(
                Map.of("client", P + "Client", "pos_code", P + "POS-1", "pos_name", "FI shop 1", "latitude", 53.2,
                        "longitude", 50.1),
                Map.of("client", P + "Client", "pos_code", P + "POS-2", "pos_name", "FI shop 2"));
        JsonNode report = admin.post("/api/fleet/import?dryRun=true", rows).expect(200).json();
        assertTrue(report.path("dryRun").asBoolean());
        assertFalse(report.path("written").asBoolean());
        assertEquals("1/0/0/2/0", counts(report.path("created")));
        assertEquals(null, pos(P + "POS-1"), "a dry run writes nothing");
    }

    @Test
    @Order(2)
    void aCsvFleetIsCreatedAndItsMachinesMayCallHome() throws Exception {
        JsonNode report = admin.post("/api/fleet/import", "text/csv", fleetCsv()).expect(200).json();
        assertTrue(report.path("written").asBoolean(), report.toString());
        assertEquals("1/0/1/2/2", counts(report.path("created")));
        JsonNode shop1 = pos(P + "POS-1");
        assertEquals("FI shop 1, Samara", shop1.path("name").asText());
        assertEquals("Europe/Samara", shop1.path("timeZone").asText());
        assertEquals("Asia/Novosibirsk", pos(P + "POS-2").path("timeZone").asText());
        JsonNode machines = admin.get("/api/equipment?posId=" + shop1.path("id").asLong() + "&limit=10").expect(200)
                .json().path("items");
        assertEquals(2, machines.size());

        // The imported secret authenticates: the garbage batch is refused as undecodable, not as unauthorised.
        assertEquals(401, callHome(P + "W1", "wrong-secret-0123456789"));
        assertEquals(422, callHome(P + "W1", SECRET));
    }

    @Test
    @Order(3)
    void theSameFileAgainChangesNothing() {
        JsonNode report = admin.post("/api/fleet/import", "text/csv", fleetCsv()).expect(200).json();
        assertEquals("0/0/0/0/0", counts(report.path("created")));
        assertEquals("0/0/0/0/0", counts(report.path("updated")));
    }

    @Test
    @Order(4)
    void aFileWithBadRowsIsRefusedWholeWithEachErrorNamed() {
        String csv = "client;pos_code;pos_name;time_zone\n"
                + P + "Client;" + P + "POS-3;FI shop 3;\n"
                + P + "Client;" + P + "POS-4;FI shop 4;Mars/Olympus\n"
                + P + "Client;;FI shop 5;\n";
        JsonNode report = admin.post("/api/fleet/import", "text/csv", csv).expect(422).json();
        List<String> errors = new ArrayList<>();
        report.path("errors").forEach(e -> errors.add(e.path("row").asInt() + " " + e.path("field").asText()));
        assertEquals(List.of("2 time_zone", "3 pos_code"), errors, report.toString());
        assertEquals(null, pos(P + "POS-3"), "the good row is not written either");
    }

    private static int callHome(String serial, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(dist.restBase() + "/api/telemetry/wmf/" + serial))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("not a wmf batch")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
