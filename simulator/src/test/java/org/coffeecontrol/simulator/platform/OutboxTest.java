package org.coffeecontrol.simulator.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.simulator.LineEncoder;
import org.coffeecontrol.simulator.StubPlatform;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static final Instant T0 = Instant.parse("2025-03-10T08:00:00Z");
    private StubPlatform platform;
    private FleetStats stats;
    private Outbox outbox;
    private List<MachineEvent> events;

    @BeforeEach
    void setUp() throws Exception {
        platform = new StubPlatform();
        stats = new FleetStats();
        outbox = new Outbox("WMF1", "s3cret", new LineEncoder("wmf"),
                new HttpTelemetryTransport(platform.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(5)), stats,
                100_000, Duration.ofSeconds(1), Duration.ofSeconds(60));
        FleetModel fleet = FleetModel.generate(new FleetSpec(1, 1, 1, 1));
        events = fleet.generator(fleet.machines().get(0).serial(), T0).next(1200);
        outbox.addAll(events);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void postsBatchesWithTheContractsHeadersAndPath() {
        assertEquals(Outbox.Outcome.DELIVERED, outbox.deliverOnce(T0));
        StubPlatform.Request r = platform.requests.get(0);
        assertEquals("/api/telemetry/wmf/WMF1", r.path());
        assertEquals("Bearer s3cret", r.authorization());
        assertEquals("text/x-test-lines", r.contentType());
        assertEquals(Outbox.MAX_BATCH_EVENTS, r.seqs().size());
        assertEquals(events.get(0).seq(), r.seqs().get(0));
        assertEquals(700, outbox.size());
    }

    @Test
    void keepsEverythingThroughServerErrorsAndResendsWithBackoff() {
        AtomicInteger n = new AtomicInteger();
        // every second request fails
        platform.answer(() -> n.incrementAndGet() % 2 == 0 ? 503 : 200);
        Instant wall = T0;
        int attempts = 0;
        while (outbox.size() > 0 && attempts++ < 50) {
            Outbox.Outcome o = outbox.deliverOnce(wall);
            if (o == Outbox.Outcome.FAILED) {
                assertTrue(outbox.backingOff(wall.plusMillis(500)), "waits before resending");
                assertEquals(Outbox.Outcome.BACKING_OFF, outbox.deliverOnce(wall.plusMillis(500)));
            }
            wall = wall.plusSeconds(120);
        }
        assertEquals(0, outbox.size());
        assertEquals(seqs(events), platform.stored.get("WMF1"));
        assertTrue(stats.failedAttempts.sum() >= 2);
        assertEquals(1200, stats.stored.sum());
    }

    @Test
    void networkFailureKeepsTheEvents() {
        platform.close();
        assertEquals(Outbox.Outcome.FAILED, outbox.deliverOnce(T0));
        assertEquals(1200, outbox.size());
        assertTrue(outbox.lastProblem() != null);
    }

    @Test
    void deadLettersAndRejectionsAreDroppedNotResent() {
        platform.answer(() -> 202);
        assertEquals(Outbox.Outcome.DELIVERED, outbox.deliverOnce(T0));
        platform.answer(() -> 422);
        assertEquals(Outbox.Outcome.DELIVERED, outbox.deliverOnce(T0));
        assertEquals(200, outbox.size());
        assertEquals(500, stats.deadLettered.sum());
        assertEquals(500, stats.rejected.sum());
    }

    @Test
    void unknownMachineKeepsEventsAndWaitsLong() {
        platform.answer(() -> 404);
        assertEquals(Outbox.Outcome.FAILED, outbox.deliverOnce(T0));
        assertEquals(1200, outbox.size());
        assertTrue(outbox.backingOff(T0.plusSeconds(59)));
        assertTrue(outbox.lastProblem().contains("404"));
    }

    @Test
    void tooLargeSplitsTheBatch() {
        AtomicInteger n = new AtomicInteger();
        platform.answer(() -> n.incrementAndGet() == 1 ? 413 : 200);
        assertEquals(Outbox.Outcome.SPLIT, outbox.deliverOnce(T0));
        assertEquals(Outbox.Outcome.DELIVERED, outbox.deliverOnce(T0));
        assertEquals(250, platform.requests.get(1).seqs().size());
        assertEquals(950, outbox.size());
    }

    @Test
    void overflowDropsTheOldest() {
        Outbox small = new Outbox("X", "s", new LineEncoder("wmf"), (f, s, k, c, b) -> new UploadResult.Failed("x"),
                stats, 1000, Duration.ofSeconds(1), Duration.ofSeconds(1));
        small.addAll(events);
        assertEquals(1000, small.size());
        assertEquals(events.get(200), small.pending().get(0));
        assertEquals(200, stats.overflowDropped.sum());
    }

    private static Set<Long> seqs(List<MachineEvent> events) {
        return events.stream().map(MachineEvent::seq).collect(Collectors.toCollection(TreeSet::new));
    }
}
