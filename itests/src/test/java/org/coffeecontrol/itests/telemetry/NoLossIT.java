package org.coffeecontrol.itests.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable: simulated machines post their events while the Karaf process is killed with
 * SIGKILL twice and restarted; each daemon resends whatever was not acknowledged, as the real ones do. Afterwards
 * the database, opened directly, holds every acknowledged event exactly once and nothing else, and the
 * platform's {@code accepted} counts add up to what is stored (a resend of a batch committed just before the kill
 * must come back as duplicates, not as new events).
 */
class NoLossIT {

    private static final int MACHINES = Integer.getInteger("it.noloss.machines", 250);
    private static final int EVENTS_PER_MACHINE = Integer.getInteger("it.noloss.events", 820);
    private static final int BATCH = 100;
    private static final int CLIENTS = 16;
    private static final double[] KILL_AT = { 0.3, 0.65 };

    /** One machine's daemon: the batch in flight stays pending until the platform acknowledges it. */
    private static final class Daemon {
        final MachineSpec machine;
        final EventGenerator generator;
        final List<Long> sent = new ArrayList<>();
        List<MachineEvent> pending;
        int remaining = EVENTS_PER_MACHINE;
        long accepted;

        Daemon(MachineSpec machine, EventGenerator generator) {
            this.machine = machine;
            this.generator = generator;
        }
    }

    @Test
    void everyAcknowledgedEventIsStoredExactlyOnceAcrossTwoKills() throws Exception {
        Distribution dist = Distribution.shared();
        TestFleet fleet = TestFleet.register(dist.restBase(), 505, MACHINES, 25);
        Instant from = Instant.now().minus(Duration.ofDays(3));
        LinkedBlockingQueue<Daemon> work = new LinkedBlockingQueue<>();
        List<Daemon> daemons = new ArrayList<>();
        for (MachineSpec m : fleet.machines()) {
            Daemon d = new Daemon(m, fleet.generator(m, from));
            daemons.add(d);
            work.add(d);
        }
        long total = (long) MACHINES * EVENTS_PER_MACHINE;
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            clients.execute(() -> {
                while (done.get() < MACHINES) {
                    Daemon d;
                    try {
                        d = work.poll(200, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (d == null) {
                        continue;
                    }
                    if (d.pending == null) {
                        d.pending = d.generator.next(Math.min(BATCH, d.remaining));
                        d.pending.forEach(e -> d.sent.add(e.seq()));
                    }
                    UploadResult r = fleet.upload(d.machine, d.pending);
                    if (r instanceof UploadResult.Stored s) {
                        d.accepted += s.accepted();
                        acknowledged.addAndGet(d.pending.size());
                        duplicates.addAndGet(s.duplicates());
                        d.remaining -= d.pending.size();
                        d.pending = null;
                        if (d.remaining == 0) {
                            done.incrementAndGet();
                            continue;
                        }
                    } else {
                        failures.merge(r.getClass().getSimpleName(), 1, Integer::sum);
                        sleep(200);
                    }
                    work.add(d);
                }
            });
        }
        List<Double> killedAt = new ArrayList<>();
        for (double share : KILL_AT) {
            while (acknowledged.get() < share * total) {
                assertTrue(System.nanoTime() - started < TimeUnit.MINUTES.toNanos(6), "ingest stalled before a kill");
                Thread.sleep(50);
            }
            killedAt.add((double) acknowledged.get());
            dist.kill9();
            dist.start();
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(6, TimeUnit.MINUTES), "daemons did not get everything acknowledged");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("NoLossIT: %d events from %d machines acknowledged in %.0f s (two kill -9 after %s "
                + "acknowledged events), %d reported as duplicates on resend, failed attempts %s%n", total, MACHINES,
                seconds, killedAt, duplicates.get(), failures);

        dist.stop();
        long stored = 0;
        try (EventDatabase db = EventDatabase.open(dist.home())) {
            Map<String, List<Long>> seqs = db.seqsBySerial(daemons.stream().map(d -> d.machine.serial()).toList());
            Map<String, String> wrong = new TreeMap<>();
            long acceptedSum = 0;
            for (Daemon d : daemons) {
                List<Long> inDb = seqs.get(d.machine.serial());
                stored += inDb.size();
                acceptedSum += d.accepted;
                if (!inDb.equals(d.sent)) {
                    wrong.put(d.machine.serial(), "sent " + d.sent.size() + ", stored " + inDb.size());
                }
            }
            assertTrue(wrong.isEmpty(), "machines whose stored sequence differs from what they sent: " + wrong);
            assertEquals(total, stored);
            // A daemon never resends an acknowledged batch, so a duplicate means an earlier attempt was committed but
            // its answer was lost (kill -9 or a client time-out between commit and reply): counted once either way.
            assertEquals(stored, acceptedSum + duplicates.get(),
                    "accepted plus duplicates-on-resend must add up to what is stored");
        } finally {
            dist.start();
        }
        assertTrue(failures.getOrDefault("Failed", 0) > 0, "the kills should have failed some uploads");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
