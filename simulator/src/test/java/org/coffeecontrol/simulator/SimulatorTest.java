package org.coffeecontrol.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.HttpTelemetryTransport;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void backfillThroughAFlakyPlatformLosesNothing() throws Exception {
        FleetModel fleet = FleetModel.generate(new FleetSpec(9, 6, 3, 2));
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofHours(12));
        SplittableRandom flaky = new SplittableRandom(3);
        try (StubPlatform platform = new StubPlatform()) {
            // a third of the requests fail with a server error
            platform.answer(() -> {
                synchronized (flaky) {
                    return flaky.nextInt(3) == 0 ? 500 : 200;
                }
            });
            Simulator.Settings settings = Simulator.Settings.live(from).withTo(now).withThreads(2)
                    .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50));
            try (Simulator sim = new Simulator(fleet, settings, LineEncoder::new,
                    new HttpTelemetryTransport(platform.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(5)),
                    Clock.systemUTC())) {
                sim.start();
                assertTrue(sim.awaitDone(Duration.ofSeconds(60)), "finished: " + sim.stats());
                assertTrue(sim.stats().failedAttempts.sum() > 0, "the platform did fail sometimes");
                assertEquals(0, sim.pendingEvents());
            }
            for (MachineSpec m : fleet.machines()) {
                Set<Long> expected = fleet.generator(m.serial(), from).advanceTo(now).stream()
                        .map(MachineEvent::seq).collect(Collectors.toCollection(TreeSet::new));
                assertTrue(expected.size() > 500, m.serial() + " made " + expected.size());
                assertEquals(expected, new TreeSet<>(platform.stored.get(m.serial())), m.serial());
            }
            // each request carried one family's batch for one machine, secrets included
            assertTrue(platform.requests.stream().allMatch(r -> r.authorization().startsWith("Bearer ")));
        }
    }

    @Test
    void liveModeCallsHomeAtTheUploadInterval() throws Exception {
        FleetModel fleet = FleetModel.generate(new FleetSpec(9, 3, 3, 1));
        try (StubPlatform platform = new StubPlatform()) {
            // 600x: a minute of machine time per 100 ms, so heartbeats arrive within the test
            Simulator.Settings settings = Simulator.Settings.live(Instant.now()).withSpeed(600)
                    .withUploadInterval(Duration.ofMillis(200)).withThreads(1);
            try (Simulator sim = new Simulator(fleet, settings, LineEncoder::new,
                    new HttpTelemetryTransport(platform.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(5)),
                    Clock.systemUTC())) {
                sim.start();
                long deadline = System.currentTimeMillis() + 10_000;
                while (platform.stored.size() < 3 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(3, platform.stored.size(), "every machine called home: " + sim.stats());
                assertTrue(sim.simNow().isAfter(Instant.now().plusSeconds(60)), "simulated time runs ahead");
            }
        }
    }
}
