package org.coffeecontrol.itests.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.Shell;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PLT-2 on the running distribution: a machine family loses its driver (its batches become dead letters while the
 * other families go on), gets it back by dropping the driver jar into {@code deploy/} (decoding resumes within
 * seconds, the dead letters replay, each event stored once), and loses it again when the jar is deleted, while
 * the rest of the platform keeps answering.
 * <p>
 * The driver bundle is uninstalled with {@code bundle:uninstall}: {@code feature:uninstall coffee-driver-drcoffee}
 * is refused because the feature is a dependency of the installed {@code coffee} feature, not a feature of its own.
 */
class HotDeployIT {

    private static final String FAMILY = "drcoffee";
    private static final String BUNDLE = "org.coffeecontrol.drivers.drcoffee";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    static Distribution dist;
    static Rest admin;
    static TestFleet fleet;
    static final Map<String, EventGenerator> generators = new HashMap<>();
    /** Every batch the platform answered with 202, in order. */
    static final List<Sent> kept = new ArrayList<>();

    @BeforeAll
    static void boot() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        fleet = TestFleet.register(dist.restBase(), 303, 12, 4);
        Instant from = Instant.now().minus(Duration.ofDays(1));
        for (MachineSpec m : fleet.machines()) {
            generators.put(m.serial(), fleet.generator(m, from));
        }
    }

    /** Leaves the distribution as it found it for the test classes that follow, whatever happened above. */
    @AfterAll
    static void reinstallDriver() throws Exception {
        Files.deleteIfExists(deployed());
        if (!drivers().contains(FAMILY)) {
            Shell.exec("admin", Distribution.ADMIN_PASSWORD,
                    "bundle:install -s mvn:org.coffeecontrol/coffee-driver-drcoffee/0.1.0-SNAPSHOT");
        }
    }

    @Test
    void driverJarDroppedIntoDeployStartsDecodingAndDetachesCleanly() throws Exception {
        MachineSpec drc = fleet.first(FAMILY);
        List<MachineSpec> others = List.of(fleet.first("wmf"), fleet.first("thermoplan"));
        assertInstanceOf(UploadResult.Stored.class, send(drc).result());

        Shell.Result removed = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "bundle:uninstall " + BUNDLE);
        assertTrue(removed.err().isBlank(), removed.out() + removed.err());
        awaitAnswer(drc, UploadResult.DeadLettered.class::isInstance);
        for (int i = 0; i < 4; i++) {
            assertAnswer(drc, UploadResult.DeadLettered.class);
        }
        othersStillStore(others);

        Path jar = dist.home().resolve("system/org/coffeecontrol/coffee-driver-drcoffee/0.1.0-SNAPSHOT/"
                + "coffee-driver-drcoffee-0.1.0-SNAPSHOT.jar");
        Path staged = dist.home().resolve("data/coffee-driver-drcoffee.jar");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        long dropped = System.nanoTime();
        // Moved in one step: File Install must never see half a jar.
        Files.move(staged, deployed(), StandardCopyOption.ATOMIC_MOVE);
        Sent first = awaitAnswer(drc, UploadResult.Stored.class::isInstance);
        double seconds = (System.nanoTime() - dropped) / 1e9;
        System.out.printf("HotDeployIT: %s decodes %.1f s after the jar was dropped into deploy/%n", FAMILY, seconds);
        assertTrue(seconds < 15, "driver took " + seconds + " s to attach");
        assertTrue(drivers().contains(FAMILY));
        othersStillStore(others);

        long equipmentId = fleet.equipmentId(admin, drc);
        List<Sent> deadLettered = List.copyOf(kept);
        assertTrue(deadLettered.size() >= 5, "dead letters: " + deadLettered.size());
        for (Sent s : deadLettered) {
            String id = ((UploadResult.DeadLettered) s.result()).deadLetterId();
            JsonNode replay = admin.post("/api/telemetry/dead-letters/" + id + "/replay", null).expect(200).json();
            assertEquals(1, replay.path("replayed").asInt(), replay.toString());
            assertEquals(s.events().size(), replay.path("eventsStored").asLong(), replay.toString());
            assertEquals("REPLAYED", admin.get("/api/telemetry/dead-letters/" + id).expect(200).json()
                    .path("state").asText());
            JsonNode again = admin.post("/api/telemetry/dead-letters/" + id + "/replay", null).expect(200).json();
            assertEquals(0, again.path("replayed").asInt() + again.path("eventsStored").asInt(), again.toString());
        }
        Set<Long> stored = new HashSet<>();
        JsonNode events = admin.get("/api/equipment/" + equipmentId + "/events?limit=1000").expect(200).json();
        events.forEach(e -> assertTrue(stored.add(e.path("seq").asLong()), "seq stored twice: " + e));
        for (Sent s : deadLettered) {
            s.events().forEach(e -> assertTrue(stored.contains(e.seq()), "replayed seq " + e.seq() + " missing"));
            UploadResult resend = fleet.upload(drc, s.events());
            assertEquals(new UploadResult.Stored(0, s.events().size(), s.events().get(s.events().size() - 1).seq(),
                    List.of()), resend, "a resend after the replay must be all duplicates");
        }
        assertEquals(first.events().size(), ((UploadResult.Stored) first.result()).accepted());

        Files.delete(deployed());
        awaitAnswer(drc, UploadResult.DeadLettered.class::isInstance);
        assertTrue(!drivers().contains(FAMILY));
        othersStillStore(others);
        JsonNode health = Rest.anonymous(dist.restBase()).get("/api/health").expect(200).json();
        assertEquals("UP", health.path("checks").path("database").path("state").asText(), health.toString());
        admin.get("/api/equipment?limit=5").expect(200);
    }

    private static Path deployed() {
        return dist.home().resolve("deploy/coffee-driver-drcoffee.jar");
    }

    private static List<String> drivers() {
        List<String> out = new ArrayList<>();
        admin.get("/api/telemetry/drivers").expect(200).json().forEach(d -> out.add(d.path("family").asText()));
        return out;
    }

    record Sent(List<MachineEvent> events, UploadResult result) {
    }

    /** The machine's next 20 events, posted as its daemon would. */
    private static Sent send(MachineSpec m) {
        List<MachineEvent> events = generators.get(m.serial()).next(20);
        Sent s = new Sent(events, fleet.upload(m, events));
        if (s.result() instanceof UploadResult.DeadLettered) {
            kept.add(s);
        }
        return s;
    }

    private static Sent assertAnswer(MachineSpec m, Class<? extends UploadResult> expected) {
        Sent s = send(m);
        assertInstanceOf(expected, s.result(), m.family());
        return s;
    }

    /** Keeps posting fresh batches until one is answered as expected; earlier ones must be stored or kept. */
    private static Sent awaitAnswer(MachineSpec m, Predicate<UploadResult> expected) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Sent s;
        while (!expected.test((s = send(m)).result())) {
            assertTrue(s.result() instanceof UploadResult.Stored || s.result() instanceof UploadResult.DeadLettered,
                    "neither stored nor kept: " + s.result());
            assertTrue(System.nanoTime() < deadline, "no such answer within " + WITHIN + ", last " + s.result());
            Thread.sleep(250);
        }
        return s;
    }

    private static void othersStillStore(List<MachineSpec> others) {
        for (MachineSpec m : others) {
            assertAnswer(m, UploadResult.Stored.class);
        }
    }
}
