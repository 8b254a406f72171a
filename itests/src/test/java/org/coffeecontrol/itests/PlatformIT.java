package org.coffeecontrol.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 2's "done means" on the real distribution: catalogues over REST with proper statuses, client visibility,
 * the shell over SSH with the same users, and everything still there after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    static Distribution dist;
    static Rest admin;
    static long clientA;
    static long clientB;
    static long posA;
    static long posB;
    static long equipmentB;

    @BeforeAll
    static void boot() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
    }

    static Map<String, Object> pos(String name, String code, long clientId) {
        return Map.ofEntries(Map.entry("name", name), Map.entry("code", code), Map.entry("clientId", clientId),
                Map.entry("address", "Moscow, Leninsky 1"), Map.entry("latitude", 55.7), Map.entry("longitude", 37.6),
                Map.entry("openingHours", Map.of("MON", "07:00-23:00", "SUN", "closed")),
                Map.entry("cleaningTimes", "06:30,22:30"), Map.entry("slaLevel", "A"), Map.entry("version", 0));
    }

    @Test
    @Order(1)
    void healthAndOpenApiArePublicEverythingElseNeedsLogin() {
        Rest anon = Rest.anonymous(dist.restBase());
        assertEquals("UP", anon.get("/api/health").expect(200).json().path("status").asText());
        assertTrue(anon.get("/api/openapi.json").expect(200).json().path("paths").has("/api/clients"));
        anon.get("/api/clients").expect(401);
        Rest.as(dist.restBase(), "admin", "wrong-password").get("/api/clients").expect(401);
    }

    @Test
    @Order(2)
    void createsCataloguesAndRejectsBadInputWithoutWritingAnything() {
        clientA = admin.post("/api/clients", Map.of("name", "IT Alpha", "version", 0)).expect(201).json().path("id").asLong();
        clientB = admin.post("/api/clients", Map.of("name", "IT Beta", "version", 0)).expect(201).json().path("id").asLong();
        long model = admin.post("/api/models", Map.of("name", "IT WMF 1500S+", "manufacturer", "WMF", "type",
                "coffee machine", "family", "wmf", "supportsRecipes", true, "supportsPromo", true, "version", 0))
                .expect(201).json().path("id").asLong();
        posA = admin.post("/api/pos", pos("IT Station A", "IT-A", clientA)).expect(201).json().path("id").asLong();
        posB = admin.post("/api/pos", pos("IT Station B", "IT-B", clientB)).expect(201).json().path("id").asLong();
        equipmentB = admin.post("/api/equipment", Map.of("modelId", model, "serialNumber", "IT-SN-B1", "posId", posB,
                "host", "127.0.0.1", "rented", true, "version", 0)).expect(201).json().path("id").asLong();

        long before = admin.get("/api/pos?limit=1").expect(200).json().path("total").asLong();
        Map<String, Object> bad = new java.util.HashMap<>(pos("IT Bad", "IT-BAD", clientA));
        bad.put("latitude", 123.0);
        JsonNode err = admin.post("/api/pos", bad).expect(400).json();
        assertEquals("latitude", err.path("field").asText());
        bad.put("latitude", 55.0);
        bad.put("openingHours", Map.of("MON", "25:00-26:00"));
        assertEquals("openingHours.MON", admin.post("/api/pos", bad).expect(400).json().path("field").asText());
        bad.put("openingHours", Map.of());
        bad.put("clientId", 999999);
        assertEquals("clientId", admin.post("/api/pos", bad).expect(400).json().path("field").asText());
        admin.post("/api/pos", "{\"name\": \"broken json\"").expect(400);
        assertEquals(before, admin.get("/api/pos?limit=1").expect(200).json().path("total").asLong());

        admin.post("/api/equipment", Map.of("modelId", model, "serialNumber", "IT-SN-B1", "posId", posA,
                "rented", false, "version", 0)).expect(409);
        admin.get("/api/pos/99999999").expect(404);
        JsonNode hits = admin.get("/api/search?q=IT-SN-B1").expect(200).json();
        assertTrue(hits.toString().contains("\"id\":" + equipmentB), hits.toString());
    }

    @Test
    @Order(3)
    void clientUserSeesOnlyItsOwnClient() {
        admin.post("/api/users", Map.of("username", "it-alpha", "roles", List.of("CLIENT"), "allClients", false,
                "clientIds", List.of(clientA), "enabled", true, "password", "alpha-staff-pass-1")).expect(201);
        Rest alpha = Rest.as(dist.restBase(), "it-alpha", "alpha-staff-pass-1");
        JsonNode list = alpha.get("/api/pos?limit=100").expect(200).json();
        assertEquals(1, list.path("total").asInt(), list.toString());
        assertEquals(posA, list.path("items").get(0).path("id").asLong());
        int foreignPos = alpha.get("/api/pos/" + posB).status();
        assertTrue(foreignPos == 403 || foreignPos == 404, "foreign POS answered " + foreignPos);
        int foreignMachine = alpha.get("/api/equipment/" + equipmentB).status();
        assertTrue(foreignMachine == 403 || foreignMachine == 404, "foreign machine answered " + foreignMachine);
        assertEquals(403, alpha.post("/api/clients", Map.of("name", "Mine", "version", 0)).status());
        assertEquals(0, alpha.get("/api/search?q=IT-SN-B1").expect(200).json().size());
    }

    @Test
    @Order(4)
    void shellOverSshUsesThePlatformUsersAndOnlyAdmins() throws Exception {
        Shell.Result r = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:clients");
        assertTrue(r.out().contains("IT Alpha") && r.out().contains("IT Beta"), r.out() + r.err());
        Shell.Result pos = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:pos-show " + posA);
        assertTrue(pos.out().contains("IT Station A"), pos.out() + pos.err());
        assertThrows(Exception.class, () -> Shell.exec("it-alpha", "alpha-staff-pass-1", "coffee:clients"));
        assertThrows(Exception.class, () -> Shell.exec("karaf", "karaf", "bundle:list"));
    }

    @Test
    @Order(5)
    void everythingSurvivesARestart() throws Exception {
        dist.restart();
        assertEquals("IT Station A", admin.get("/api/pos/" + posA).expect(200).json().path("name").asText());
        assertEquals("IT-SN-B1", admin.get("/api/equipment/" + equipmentB).expect(200).json().path("serialNumber").asText());
        Rest.as(dist.restBase(), "it-alpha", "alpha-staff-pass-1").get("/api/pos").expect(200);
        assertTrue(Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:pos").out().contains("IT Station B"));
    }
}
