package org.coffeecontrol.itests.tickets;

import java.util.List;
import java.util.Map;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;

/**
 * A client with one POS (SLA level B, coordinates in Moscow, service mechanic set) and one machine, and the users
 * of the ticket scenarios, created over REST on the shared distribution. Names carry a suffix so that the REST and
 * the browser test can each make their own.
 */
final class TicketFixture {
    static final String PASSWORD = "tickets-password-1";

    final Rest admin;
    final String suffix;
    final long clientId;
    final long otherClientId;
    final long posId;
    final long otherPosId;
    final long equipmentId;

    TicketFixture(Distribution dist, String suffix) {
        this.suffix = suffix;
        admin = dist.admin();
        clientId = admin.post("/api/clients", Map.of("name", "Tickets " + suffix, "version", 0)).expect(201).json()
                .path("id").asLong();
        otherClientId = admin.post("/api/clients", Map.of("name", "Tickets other " + suffix, "version", 0)).expect(201)
                .json().path("id").asLong();
        // users first: the POS card names its mechanics, which must exist
        for (String[] u : new String[][] { { "op1", "OPERATOR" }, { "op2", "OPERATOR" }, { "sadmin", "SERVICE_ADMIN" },
                { "near", "ENGINEER" }, { "far", "ENGINEER" }, { "manager", "MANAGER" } }) {
            admin.post("/api/users", Map.of("username", user(u[0]), "roles", List.of(u[1]), "allClients", true,
                    "clientIds", List.of(), "password", PASSWORD, "locale", "en")).expect(201);
        }
        admin.post("/api/users", Map.of("username", user("client"), "roles", List.of("CLIENT"), "allClients", false,
                "clientIds", List.of(otherClientId), "password", PASSWORD)).expect(201);
        long modelId = admin.post("/api/models", Map.of("name", "Tickets model " + suffix, "family", "wmf",
                "supportsRecipes", false, "supportsPromo", false, "version", 0)).expect(201).json().path("id").asLong();
        posId = admin.post("/api/pos", Map.ofEntries(Map.entry("name", "Station " + suffix),
                Map.entry("code", "TK-" + suffix), Map.entry("clientId", clientId), Map.entry("latitude", 55.76),
                Map.entry("longitude", 37.61), Map.entry("slaLevel", "B"), Map.entry("serviceOrganisation", "Service LLC"),
                Map.entry("auditOrganisation", "Audit LLC"), Map.entry("helpdeskRoute", "INTRASERVICE"),
                Map.entry("serviceMechanic", user("far")), Map.entry("auditMechanic", user("near")),
                Map.entry("email", "pos-" + suffix + "@example.com"), Map.entry("version", 0)))
                .expect(201).json().path("id").asLong();
        otherPosId = admin.post("/api/pos", Map.of("name", "Other station " + suffix, "code", "TKO-" + suffix,
                "clientId", otherClientId, "version", 0)).expect(201).json().path("id").asLong();
        equipmentId = admin.post("/api/equipment", Map.of("modelId", modelId, "serialNumber", "TK-SN-" + suffix,
                "posId", posId, "rented", false, "version", 0)).expect(201).json().path("id").asLong();
        // "near" lives next to the POS, "far" in Kazan; both work around the clock so the test does not depend on
        // the hour it runs at
        Rest sadmin = as(dist, "sadmin");
        List<String> allDays = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        sadmin.put("/api/tickets/mechanics/" + user("near"), Map.of("displayName", "Near " + suffix,
                "homeLatitude", 55.75, "homeLongitude", 37.62, "workDays", allDays, "workStart", "00:00",
                "workEnd", "23:59", "maxOpen", 3, "active", true)).expect(200);
        sadmin.put("/api/tickets/mechanics/" + user("far"), Map.of("displayName", "Far " + suffix,
                "homeLatitude", 55.79, "homeLongitude", 49.12, "workDays", allDays, "workStart", "00:00",
                "workEnd", "23:59", "maxOpen", 3, "active", true)).expect(200);
    }

    String user(String role) {
        return "tk-" + role + "-" + suffix;
    }

    Rest as(Distribution dist, String role) {
        return Rest.as(dist.restBase(), user(role), PASSWORD);
    }
}
