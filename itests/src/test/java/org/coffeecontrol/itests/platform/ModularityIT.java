package org.coffeecontrol.itests.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.Shell;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Removing a feature bundle leaves the rest running", on the real distribution: each feature bundle in turn is
 * stopped; its REST operations disappear from the API and the OpenAPI document, while the platform stays healthy,
 * machines' telemetry is still stored, the catalogues, the web UI and every other feature keep answering. Started
 * again, the feature comes back without a restart of anything else. (Drivers: see HotDeployIT.)
 */
class ModularityIT {

    /** Feature bundle → the REST prefix it owns. */
    private static final Map<String, String> FEATURES = new LinkedHashMap<>();
    static {
        FEATURES.put("org.coffeecontrol.reports", "/api/reports");
        FEATURES.put("org.coffeecontrol.tickets", "/api/tickets");
        FEATURES.put("org.coffeecontrol.remote", "/api/remote");
        FEATURES.put("org.coffeecontrol.monitoring", "/api/monitoring");
    }
    private static final Duration WITHIN = Duration.ofSeconds(60);

    static Distribution dist;
    static Rest admin;
    static TestFleet fleet;
    static EventGenerator generator;
    static MachineSpec machine;

    @BeforeAll
    static void boot() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        fleet = TestFleet.register(dist.restBase(), 515, 3, 1);
        machine = fleet.first("wmf");
        generator = fleet.generator(machine, Instant.now().minus(Duration.ofHours(6)));
    }

    /** Leaves the distribution as it found it, settled, for the test classes that follow. */
    @AfterAll
    static void restartAll() throws Exception {
        for (String bundle : FEATURES.keySet()) {
            Shell.exec("admin", Distribution.ADMIN_PASSWORD, "bundle:start " + bundle);
        }
        await("health UP again", () -> "UP".equals(
                Rest.anonymous(dist.restBase()).get("/api/health").json().path("status").asText()));
    }

    @Test
    void eachFeatureCanBeStoppedWhileTheRestKeepsWorking() throws Exception {
        Map<String, String> probes = new LinkedHashMap<>();
        JsonNode api = admin.get("/api/openapi.json").expect(200).json();
        FEATURES.forEach((bundle, prefix) -> {
            String probe = parameterlessGet(api, prefix);
            assertTrue(probe != null, "no parameterless GET under " + prefix + " in the OpenAPI document");
            probes.put(bundle, probe);
        });
        probes.values().forEach(p -> assertTrue(answers(p), p + " before any stop: " + admin.get(p)));

        for (Map.Entry<String, String> f : probes.entrySet()) {
            String bundle = f.getKey();
            String probe = f.getValue();
            Shell.Result stop = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "bundle:stop " + bundle);
            assertTrue(stop.err().isBlank(), stop.out() + stop.err());
            await(bundle + " operations gone", () -> admin.get(probe).status() == 404
                    && parameterlessGet(admin.get("/api/openapi.json").json(), FEATURES.get(bundle)) == null);

            JsonNode health = Rest.anonymous(dist.restBase()).get("/api/health").json();
            assertNotEquals("DOWN", health.path("status").asText(), "health with " + bundle + " stopped: " + health);
            admin.get("/api/clients").expect(200);
            assertInstanceOf(UploadResult.Stored.class, fleet.upload(machine, generator.next(20)),
                    "telemetry with " + bundle + " stopped");
            assertEquals(200, uiStatus(), "web UI with " + bundle + " stopped");
            for (Map.Entry<String, String> other : probes.entrySet()) {
                if (!other.getKey().equals(bundle)) {
                    assertTrue(answers(other.getValue()), other.getValue() + " with " + bundle + " stopped");
                }
            }

            Shell.Result start = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "bundle:start " + bundle);
            assertTrue(start.err().isBlank(), start.out() + start.err());
            await(bundle + " back", () -> answers(probe));
        }
    }

    /** The operation exists and works: a 4xx about the request (a filter it wants) counts, a 404 or 5xx not. */
    private static boolean answers(String path) {
        int status = admin.get(path).status();
        return status != 404 && status < 500;
    }

    /** The first GET operation under the prefix without path parameters, or null. */
    private static String parameterlessGet(JsonNode api, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (p.getKey().startsWith(prefix) && !p.getKey().contains("{") && p.getValue().has("get")
                    && !requiresQuery(p.getValue().path("get"))) {
                return p.getKey();
            }
        }
        return null;
    }

    private static boolean requiresQuery(JsonNode operation) {
        for (JsonNode param : operation.path("parameters")) {
            if (param.path("required").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static int uiStatus() throws Exception {
        HttpResponse<Void> r = TestFleet.HTTP.send(HttpRequest.newBuilder(URI.create(dist.uiBase() + "/"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
        return r.statusCode();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + ": not within " + WITHIN.toSeconds() + " s");
    }

}
