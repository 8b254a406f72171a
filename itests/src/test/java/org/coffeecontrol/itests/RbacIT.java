package org.coffeecontrol.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation the platform's OpenAPI document lists — including those of feature bundles — as
 * anonymous, as every role, and as a client user aiming at another client's objects, and expects denial wherever
 * the role or visibility rules say so. New endpoints are covered automatically; a new public endpoint must be added
 * to {@link #PUBLIC} deliberately.
 */
class RbacIT {

    /** The only operations that may answer without credentials. */
    static final Set<String> PUBLIC = Set.of("GET /api/health", "GET /api/openapi.json", "GET /api/docs",
            "GET /api/docs/{file}", "POST /api/telemetry/{family}/{serial}",
            "POST /api/telemetry/{family}/{serial}/jobs/{jobId}/result");

    static final List<String> ROLES = List.of("ADMIN", "OPERATOR", "TECH_SUPPORT", "SERVICE_ADMIN", "ENGINEER",
            "MANAGER", "FINANCE", "CLIENT");
    static final String PASSWORD = "rbac-password-123";

    static Distribution dist;
    static Rest admin;
    static long clientA;
    static long clientB;
    static long posB;
    static long equipmentB;
    static long modelId;
    static long regionId;

    @BeforeAll
    static void setUp() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        clientA = admin.post("/api/clients", Map.of("name", "RBAC Alpha", "version", 0)).expect(201).json().path("id").asLong();
        clientB = admin.post("/api/clients", Map.of("name", "RBAC Beta", "version", 0)).expect(201).json().path("id").asLong();
        regionId = admin.post("/api/regions", Map.of("name", "RBAC Region", "version", 0)).expect(201).json().path("id").asLong();
        modelId = admin.post("/api/models", Map.of("name", "RBAC Model", "family", "wmf", "supportsRecipes", false,
                "supportsPromo", false, "version", 0)).expect(201).json().path("id").asLong();
        posB = admin.post("/api/pos", Map.of("name", "RBAC Beta Station", "code", "RBAC-B", "clientId", clientB,
                "version", 0)).expect(201).json().path("id").asLong();
        equipmentB = admin.post("/api/equipment", Map.of("modelId", modelId, "serialNumber", "RBAC-SN-B", "posId", posB,
                "rented", false, "version", 0)).expect(201).json().path("id").asLong();
        for (String role : ROLES) {
            boolean client = role.equals("CLIENT");
            admin.post("/api/users", Map.of("username", user(role), "roles", List.of(role), "allClients", !client,
                    "clientIds", client ? List.of(clientA) : List.of(), "password", PASSWORD)).expect(201);
        }
    }

    static String user(String role) {
        return "rbac-" + role.toLowerCase().replace('_', '-');
    }

    record Operation(String method, String path, List<String> queryParams) {
        String key() {
            return method + " " + path;
        }
    }

    static List<Operation> operations() {
        JsonNode paths = admin.get("/api/openapi.json").expect(200).json().path("paths");
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = p.getValue().fields(); m.hasNext();) {
                Map.Entry<String, JsonNode> op = m.next();
                List<String> query = new ArrayList<>();
                for (JsonNode param : op.getValue().path("parameters")) {
                    if ("query".equals(param.path("in").asText())) {
                        query.add(param.path("name").asText());
                    }
                }
                ops.add(new Operation(op.getKey().toUpperCase(), p.getKey(), query));
            }
        }
        assertTrue(ops.size() > 40, "the OpenAPI document lists too few operations: " + ops.size());
        return ops;
    }

    /** Path parameters pointing at client B's objects (or at another user). */
    static String foreign(String path) {
        String p = path.replace("{name}", "admin").replace("{clientId}", String.valueOf(clientB))
                .replace("{family}", "wmf").replace("{serial}", "RBAC-SN-B").replace("{file}", "index.html");
        if (p.startsWith("/api/clients/")) {
            p = p.replace("{id}", String.valueOf(clientB));
        } else if (p.startsWith("/api/pos/")) {
            p = p.replace("{id}", String.valueOf(posB));
        } else if (p.startsWith("/api/equipment/")) {
            p = p.replace("{id}", String.valueOf(equipmentB));
        } else if (p.startsWith("/api/models/")) {
            p = p.replace("{id}", String.valueOf(modelId));
        } else if (p.startsWith("/api/regions/")) {
            p = p.replace("{id}", String.valueOf(regionId));
        }
        return p.replaceAll("\\{[^}]+}", "1");
    }

    /** Query parameters that name client B's objects, for operations that filter by them. */
    static String foreignQuery(Operation op) {
        StringBuilder q = new StringBuilder();
        for (String name : op.queryParams()) {
            String value = switch (name) {
                case "clientId" -> String.valueOf(clientB);
                case "posId" -> String.valueOf(posB);
                case "equipmentId" -> String.valueOf(equipmentB);
                case "serial" -> "RBAC-SN-B";
                default -> null;
            };
            if (value != null) {
                q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(value);
            }
        }
        return q.toString();
    }

    /** A body the service would accept from a permitted caller, so a denial cannot hide behind a 400. */
    static Object body(Operation op) {
        String p = op.path();
        if (op.method().equals("DELETE") || op.method().equals("GET")) {
            return null;
        }
        if (p.startsWith("/api/clients") || p.startsWith("/api/regions")) {
            return Map.of("name", "RBAC new " + System.nanoTime(), "version", 0);
        }
        if (p.startsWith("/api/models")) {
            return Map.of("name", "RBAC model " + System.nanoTime(), "family", "wmf", "supportsRecipes", false,
                    "supportsPromo", false, "version", 0);
        }
        if (p.equals("/api/equipment/{id}/telemetry-secret")) {
            return Map.of("secret", "rbac-secret-0123456789");
        }
        if (p.startsWith("/api/pos")) {
            return Map.of("name", "RBAC pos " + System.nanoTime(), "clientId", clientB, "version", 0);
        }
        if (p.startsWith("/api/equipment")) {
            return Map.of("modelId", modelId, "serialNumber", "RBAC-" + System.nanoTime(), "posId", posB,
                    "rented", false, "version", 0);
        }
        if (p.equals("/api/fleet/import")) {
            return List.of(Map.of("client", "RBAC fleet", "pos_code", "RBAC-FI-" + System.nanoTime(), "pos_name",
                    "RBAC fleet shop"));
        }
        if (p.equals("/api/users")) {
            return Map.of("username", "rbac-x" + System.nanoTime() % 100000, "roles", List.of("ADMIN"), "password",
                    "rbac-password-999");
        }
        if (p.endsWith("/password")) {
            return Map.of("newPassword", "hijacked-password-1");
        }
        if (p.endsWith("/roles")) {
            return List.of("ADMIN");
        }
        if (p.startsWith("/api/users/")) {
            return Map.of("username", "admin", "roles", List.of("CLIENT"), "allClients", false, "enabled", false,
                    "version", 0);
        }
        if (p.startsWith("/api/workspace")) {
            return Map.of("location", "pos/1", "title", "x");
        }
        return Map.of();
    }

    /** Roles that may perform a write; null when the operation is not a guarded write (or owned by a feature). */
    static Set<String> writers(Operation op) {
        String p = op.path();
        boolean write = !op.method().equals("GET");
        if (p.startsWith("/api/users")) {
            return op.method().equals("GET") && p.equals("/api/users") ? Set.of("ADMIN", "SERVICE_ADMIN") : Set.of("ADMIN");
        }
        if (!write) {
            if (p.startsWith("/api/telemetry/dead-letters") || p.equals("/api/telemetry/counters")) {
                return Set.of("ADMIN", "OPERATOR", "TECH_SUPPORT");
            }
            return null;
        }
        if (p.startsWith("/api/fleet")) {
            return Set.of("ADMIN");
        }
        if (p.startsWith("/api/clients") || p.startsWith("/api/regions") || p.startsWith("/api/models")) {
            return Set.of("ADMIN", "SERVICE_ADMIN");
        }
        if (p.startsWith("/api/pos") || p.startsWith("/api/equipment")) {
            return Set.of("ADMIN", "SERVICE_ADMIN", "TECH_SUPPORT");
        }
        if (p.startsWith("/api/telemetry/dead-letters")) {
            return op.method().equals("DELETE") ? Set.of("ADMIN", "TECH_SUPPORT") : Set.of("ADMIN", "OPERATOR", "TECH_SUPPORT");
        }
        return null;
    }

    @Test
    void onlyTheDeclaredOperationsArePublic() {
        Rest anon = Rest.anonymous(dist.restBase());
        Map<String, Integer> leaks = new LinkedHashMap<>();
        Set<String> publicOps = new TreeSet<>();
        for (Operation op : operations()) {
            if (PUBLIC.contains(op.key())) {
                publicOps.add(op.key());
                continue;
            }
            int status = anon.send(op.method(), foreign(op.path()), body(op)).status();
            if (status != 401) {
                leaks.put(op.key(), status);
            }
        }
        assertEquals(Map.of(), leaks, "operations answering anonymous callers with something other than 401");
        assertTrue(publicOps.contains("GET /api/health"));
    }

    @Test
    void everyRoleIsDeniedWhatItMayNotDo() {
        Map<String, Integer> wrongly = new LinkedHashMap<>();
        int checked = 0;
        for (String role : ROLES) {
            Rest as = Rest.as(dist.restBase(), user(role), PASSWORD);
            for (Operation op : operations()) {
                Set<String> allowed = writers(op);
                if (PUBLIC.contains(op.key()) || allowed == null || allowed.contains(role)) {
                    continue;
                }
                String path = foreign(op.path());
                if (role.equals("CLIENT") || op.path().contains("{")) {
                    path = path.replace(String.valueOf(clientB), String.valueOf(clientA));
                }
                int status = as.send(op.method(), path, body(op)).status();
                checked++;
                if (status != 403 && status != 404) {
                    wrongly.put(role + " " + op.key(), status);
                }
            }
        }
        assertEquals(Map.of(), wrongly, "role denials that did not happen");
        assertTrue(checked > 100, "too few denials checked: " + checked);
        assertEquals(2 + 0, admin.get("/api/clients?q=RBAC&limit=100").expect(200).json().path("total").asInt(),
                "a denied call created a client");
    }

    /** Roles that may take each ticket write (ADMIN passes every check); the rest must get a 403 that says why. */
    static final Map<String, Set<String>> TICKET_WRITERS = Map.ofEntries(
            Map.entry("create", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN", "CLIENT")),
            Map.entry("edit", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN", "ENGINEER")),
            Map.entry("start work", Set.of("ADMIN", "SERVICE_ADMIN", "ENGINEER")),
            Map.entry("lines", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN", "ENGINEER")),
            Map.entry("attach", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN", "ENGINEER")),
            Map.entry("act", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN", "ENGINEER")),
            Map.entry("note", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN", "ENGINEER", "CLIENT")),
            Map.entry("assign", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN")),
            Map.entry("take", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN")),
            Map.entry("resolve", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN")),
            Map.entry("escalate", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN")),
            Map.entry("cancel", Set.of("ADMIN", "OPERATOR", "SERVICE_ADMIN")),
            Map.entry("priority rule", Set.of("ADMIN", "MANAGER")),
            Map.entry("mechanic card", Set.of("ADMIN", "SERVICE_ADMIN")),
            Map.entry("audit preview", Set.of("ADMIN", "SERVICE_ADMIN")));

    /**
     * TKT role matrix: every ticket write as every role, on a ticket of client A that the role can see (the engineer
     * executes it, the client user is granted client A), so that a refusal is the role's and not visibility's.
     * Allowed must succeed (2xx), refused must be a 403 whose message names what was refused.
     */
    @Test
    void ticketWritesFollowTheRoleMatrix() {
        long posA = admin.post("/api/pos", Map.of("name", "RBAC Alpha Station", "code", "RBAC-A", "clientId",
                clientA, "version", 0)).expect(201).json().path("id").asLong();
        String engineer = user("ENGINEER");
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String role : ROLES) {
            Rest as = Rest.as(dist.restBase(), user(role), PASSWORD);
            for (Map.Entry<String, Set<String>> op : new java.util.TreeMap<>(TICKET_WRITERS).entrySet()) {
                Rest.Response r = ticketWrite(as, op.getKey(), posA, engineer);
                boolean allowed = op.getValue().contains(role);
                boolean ok = allowed ? r.status() / 100 == 2
                        : r.status() == 403 && r.body().contains("may not");
                if (!ok) {
                    wrong.put(role + " " + op.getKey() + (allowed ? " (allowed)" : " (refused)"),
                            r.status() + " " + r.body().substring(0, Math.min(160, r.body().length())));
                }
            }
        }
        assertEquals(Map.of(), wrong, "ticket writes that did not follow the role matrix");
        for (JsonNode rule : admin.get("/api/tickets/priority-rules").expect(200).json()) {
            if (rule.path("name").asText().startsWith("RBAC ")) {
                admin.delete("/api/tickets/priority-rules/" + rule.path("id").asLong()).expect(204);
            }
        }
    }

    /** One ticket write as {@code as}, on a ticket in the state the write needs, prepared by the admin. */
    private static Rest.Response ticketWrite(Rest as, String op, long posId, String engineer) {
        JsonNode t = admin.post("/api/tickets", Map.of("posId", posId, "reason", "RBAC " + op)).expect(201).json();
        long id = t.path("id").asLong();
        long version = t.path("version").asLong();
        if (Set.of("edit", "start work", "lines", "attach", "act", "note", "cancel").contains(op)) {
            version = admin.post("/api/tickets/" + id + "/assign", Map.of("executor", engineer, "version", version))
                    .expect(200).json().path("version").asLong();
        }
        String path = "/api/tickets/" + id;
        return switch (op) {
            case "create" -> as.post("/api/tickets", Map.of("posId", posId, "reason", "RBAC created"));
            case "edit" -> as.put(path, Map.of("category", "REPAIR", "reason", "RBAC edited", "version", version));
            case "start work" -> as.post(path + "/transition", Map.of("state", "IN_PROGRESS", "version", version));
            case "lines" -> as.put(path + "/lines", Map.of("version", version, "lines", List.of(Map.of("kind", "PART",
                    "article", "RBAC-1", "description", "part", "quantity", 1, "warranty", false))));
            case "attach" -> as.post(path + "/attachments?name=rbac.txt", "\"a file\"");
            case "act" -> as.put("/api/tickets/acts/" + id, Map.of("consumables", List.of(), "downtimeJustification",
                    "RBAC", "version", 0));
            case "note" -> as.post(path + "/notes", Map.of("text", "RBAC note"));
            case "assign" -> as.post(path + "/assign", Map.of("executor", engineer, "version", version));
            case "take" -> as.post(path + "/take", Map.of("version", version));
            case "resolve" -> as.post(path + "/resolve", Map.of("version", version, "text", "RBAC fixed remotely"));
            case "escalate" -> as.post(path + "/escalate", Map.of("version", version, "text", "RBAC visit"));
            case "cancel" -> as.post(path + "/transition", Map.of("state", "CANCELLED", "version", version,
                    "reason", "RBAC problem gone"));
            case "priority rule" -> as.post("/api/tickets/priority-rules", Map.of("name", "RBAC rule", "clientId",
                    clientA, "points", 1));
            case "mechanic card" -> as.put("/api/tickets/mechanics/" + engineer, Map.of("displayName", "RBAC",
                    "workDays", List.of(), "maxOpen", 3, "active", true));
            case "audit preview" -> as.post("/api/tickets/audits/preview", Map.of("clientId", clientA));
            default -> throw new IllegalArgumentException(op);
        };
    }

    @Test
    void aClientUserCannotReachAnotherClientsObjects() {
        Rest alpha = Rest.as(dist.restBase(), user("CLIENT"), PASSWORD);
        Map<String, String> leaks = new LinkedHashMap<>();
        for (Operation op : operations()) {
            // Models, regions and the caller's own workspace are shared or personal, not client-owned data.
            if (PUBLIC.contains(op.key()) || op.path().startsWith("/api/workspace") || op.key().equals("GET /api/me")
                    || op.path().startsWith("/api/models") || op.path().startsWith("/api/regions")) {
                continue;
            }
            Rest.Response r = alpha.send(op.method(), foreign(op.path()) + foreignQuery(op), body(op));
            boolean noForeignData = !r.body().contains("RBAC Beta") && !r.body().contains("RBAC-SN-B");
            // 400 (input refused) shows nothing either, as long as nothing of client B is echoed.
            boolean denied = r.status() == 403 || r.status() == 404 || (r.status() == 400 && noForeignData);
            boolean listWithoutForeign = r.status() == 200 && !op.path().contains("{")
                    && !r.body().contains("RBAC Beta") && !r.body().contains("RBAC-SN-B");
            if (!denied && !listWithoutForeign) {
                leaks.put(op.key(), r.status() + " " + r.body().substring(0, Math.min(120, r.body().length())));
            }
        }
        assertEquals(Map.of(), leaks, "client user reached client B's data");
        assertEquals("RBAC Beta Station", admin.get("/api/pos/" + posB).expect(200).json().path("name").asText());
    }
}
