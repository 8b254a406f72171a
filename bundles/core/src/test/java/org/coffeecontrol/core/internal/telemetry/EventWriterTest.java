package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.core.internal.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The partitioned writer against real Derby: resends in any order never double or lose an event. */
class EventWriterTest {

    private TestDatabase tdb;

    @BeforeEach
    void setUp() throws Exception {
        tdb = new TestDatabase();
    }

    @AfterEach
    void tearDown() {
        tdb.close();
    }

    private static List<MachineEvent> drinks(long from, int n) {
        List<MachineEvent> out = new ArrayList<>();
        for (long s = from; s < from + n; s++) {
            out.add(new MachineEvent.DrinkMade(s, Instant.ofEpochSecond(1_700_000_000L + s), "Americano", 200));
        }
        return out;
    }

    @Test
    void concurrentOverlappingResendsAcrossPartitionsStoreEachEventOnce() throws Exception {
        int machines = 24;
        Map<Long, AtomicInteger> seenByListener = new ConcurrentHashMap<>();
        AtomicInteger concurrentCalls = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        Random random = new Random(42);
        List<long[]> batches = new ArrayList<>();
        for (long m = 1; m <= machines; m++) {
            for (int b = 0; b < 10; b++) {
                batches.add(new long[] { m, 1 + b * 50L });
                // every third batch is resent overlapping the next one
                if (b % 3 == 0 && b < 9) {
                    batches.add(new long[] { m, 1 + b * 50L + 25 });
                }
            }
        }
        Collections.shuffle(batches, random);
        int accepted = 0;
        int duplicates = 0;
        try (EventWriter writer = new EventWriter(tdb.dataSource, 3, 1000, 500, fresh -> {
            if (concurrentCalls.incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            fresh.forEach((id, events) -> seenByListener.computeIfAbsent(id, k -> new AtomicInteger())
                    .addAndGet(events.size()));
            concurrentCalls.decrementAndGet();
        })) {
            List<CompletableFuture<EventWriter.Outcome>> futures = new ArrayList<>();
            for (long[] b : batches) {
                futures.add(writer.submit(b[0], drinks(b[1], 50), 5_000));
            }
            for (CompletableFuture<EventWriter.Outcome> f : futures) {
                EventWriter.Outcome o = f.get(30, TimeUnit.SECONDS);
                accepted += o.accepted();
                duplicates += o.duplicates();
            }
        }
        // each machine has sequence numbers 1..500 exactly once, whatever order the batches came in
        assertEquals(machines * 500L, tdb.count("SELECT COALESCE(SUM(events), 0) FROM cc_event_segment"));
        assertEquals(machines * 500, accepted);
        assertEquals(batches.size() * 50 - machines * 500, duplicates);
        assertEquals(500, tdb.count("SELECT MIN(last_seq) FROM cc_machine_contact"));
        assertEquals(0, overlap.get(), "listener calls must never overlap");
        seenByListener.values().forEach(n -> assertEquals(500, n.get()));
    }

    @Test
    void aNewWriterKnowsWhatAnEarlierOneStored() throws Exception {
        try (EventWriter first = new EventWriter(tdb.dataSource, 2, 100, 500, f -> { })) {
            assertEquals(100, first.submit(7, drinks(1, 100), 1000).get(10, TimeUnit.SECONDS).accepted());
        }
        try (EventWriter second = new EventWriter(tdb.dataSource, 2, 100, 500, f -> { })) {
            EventWriter.Outcome resent = second.submit(7, drinks(51, 100), 1000).get(10, TimeUnit.SECONDS);
            assertEquals(50, resent.accepted());
            assertEquals(50, resent.duplicates());
            // a gap filled later: older than the stored maximum but never stored
            EventWriter.Outcome gap = second.submit(8, drinks(200, 10), 1000).get(10, TimeUnit.SECONDS);
            assertEquals(10, gap.accepted());
            EventWriter.Outcome older = second.submit(8, drinks(1, 10), 1000).get(10, TimeUnit.SECONDS);
            assertEquals(10, older.accepted());
            assertTrue(second.backlog() == 0);
        }
        assertEquals(170, tdb.count("SELECT COALESCE(SUM(events), 0) FROM cc_event_segment"));
    }
}
