package org.coffeecontrol.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.driver.MachineEvent;
import org.junit.jupiter.api.Test;

class MergingEventQueueTest {

    private static Map<Long, List<MachineEvent>> batch(long machine, long... seqs) {
        List<MachineEvent> events = new ArrayList<>();
        for (long s : seqs) {
            events.add(new MachineEvent.Heartbeat(s, Instant.EPOCH.plusSeconds(s)));
        }
        return Map.of(machine, events);
    }

    @Test
    void batchesThatPileUpWhileTheWorkerIsBusyArriveAsOneInOrder() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CountDownLatch busy = new CountDownLatch(1);
        List<Map<Long, List<MachineEvent>>> applied = new ArrayList<>();
        MergingEventQueue queue = new MergingEventQueue(worker, applied::add);
        worker.execute(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        queue.add(batch(1, 1, 2));
        queue.add(batch(2, 7));
        queue.add(batch(1, 3));
        assertEquals(3, queue.pendingBatches());
        busy.countDown();
        worker.shutdown();
        assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(1, applied.size(), "one merged batch");
        assertEquals(List.of(1L, 2L, 3L), applied.get(0).get(1L).stream().map(MachineEvent::seq).toList());
        assertEquals(List.of(7L), applied.get(0).get(2L).stream().map(MachineEvent::seq).toList());
        assertEquals(0, queue.pendingBatches());
    }

    @Test
    void concurrentProducersLoseNothingAndKeepEachMachinesOrder() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Map<Long, List<Long>> seen = new HashMap<>();
        MergingEventQueue queue = new MergingEventQueue(worker, merged -> merged.forEach((id, events) -> seen
                .computeIfAbsent(id, k -> new ArrayList<>()).addAll(events.stream().map(MachineEvent::seq).toList())));
        int machines = 4;
        int batches = 2_000;
        ExecutorService producers = Executors.newFixedThreadPool(machines);
        for (long m = 0; m < machines; m++) {
            long machine = m;
            // one producer per machine, as each machine's batches come from one ingest writer in order
            producers.execute(() -> {
                for (long s = 0; s < batches; s++) {
                    queue.add(batch(machine, 2 * s, 2 * s + 1));
                }
            });
        }
        producers.shutdown();
        assertTrue(producers.awaitTermination(30, TimeUnit.SECONDS));
        worker.shutdown();
        assertTrue(worker.awaitTermination(30, TimeUnit.SECONDS));
        for (long m = 0; m < machines; m++) {
            List<Long> expected = new ArrayList<>();
            for (long s = 0; s < 2L * batches; s++) {
                expected.add(s);
            }
            assertEquals(expected, seen.get(m), "machine " + m);
        }
    }
}
