package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.telemetry.EventLog;
import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.api.telemetry.MachineContact;
import org.coffeecontrol.api.telemetry.MergingEventQueue;
import org.coffeecontrol.api.telemetry.TelemetryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rollups current. The fast path is core's {@link TelemetryListener}: each committed batch is folded in
 * on this feed's own thread. The safety net is a catch-up from core's {@link EventLog} (each machine's events read
 * by sequence after its watermark, in chunks, with the machines' contacts telling which ones moved on): it runs at
 * start, periodically, and whenever folding a batch failed — until it has run, listener batches are skipped, so
 * nothing is ever folded past a hole.
 */
final class RollupFeed implements TelemetryListener {

    private static final Logger LOG = LoggerFactory.getLogger(RollupFeed.class);
    static final int CHUNK = 20_000;

    private final DataSource ds;
    private final EventLog eventLog;
    private final RollupWriter writer;
    private final ScheduledExecutorService thread;
    /** Batches stored while a fold runs are folded together: one transaction, not one per ingest commit. */
    private final MergingEventQueue incoming;
    private final CountDownLatch listening = new CountDownLatch(1);
    /** True until a catch-up brought every machine up to core's newest event. */
    private volatile boolean behind = true;
    private volatile Instant lastCatchUp;
    private volatile long eventsFolded;

    RollupFeed(DataSource ds, EventLog eventLog, RollupWriter writer, ScheduledExecutorService thread) {
        this.ds = ds;
        this.eventLog = eventLog;
        this.writer = writer;
        this.thread = thread;
        this.incoming = new MergingEventQueue(thread, batch -> guard("events", () -> foldStored(batch)).run());
    }

    /**
     * Queues the start: the catch-up waits until {@link #listening()} is called, so every event is either older
     * than the catch-up's reads or reaches the listener after the catch-up on this same thread.
     */
    void start(long reconcileSeconds) {
        thread.execute(guard("start", () -> {
            try {
                listening.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            rebuildIfZoneChanged();
            catchUp();
        }));
        if (reconcileSeconds > 0) {
            thread.scheduleWithFixedDelay(guard("catch-up", this::catchUp), reconcileSeconds, reconcileSeconds,
                    TimeUnit.SECONDS);
        }
    }

    void listening() {
        listening.countDown();
    }

    @Override
    public void eventsStored(Map<Long, List<MachineEvent>> eventsByEquipmentId) {
        incoming.add(eventsByEquipmentId);
    }

    private void foldStored(Map<Long, List<MachineEvent>> eventsByEquipmentId) {
        Map<Long, List<RawEvent>> raw = new HashMap<>();
        eventsByEquipmentId.forEach((id, events) -> raw.put(id, events.stream().map(RawEvent::of).toList()));
        fold(raw);
    }

    /** Folds a listener batch; after a failure the next catch-up takes over (see the class comment). */
    void fold(Map<Long, List<RawEvent>> events) {
        if (behind) {
            return;
        }
        try {
            eventsFolded += writer.apply(events);
        } catch (RuntimeException e) {
            behind = true;
            LOG.warn("Reports rollups: a batch failed, catching up from the stored events", e);
            thread.execute(guard("catch-up", this::catchUp));
        }
    }

    /** Brings every machine's rollups up to core's newest stored event. */
    void catchUp() {
        Map<Long, Long> mine = writer.watermarks();
        for (MachineContact m : eventLog.contacts()) {
            long from = mine.getOrDefault(m.equipmentId(), Long.MIN_VALUE);
            while (from < m.lastSeq()) {
                List<RawEvent> chunk = new ArrayList<>();
                eventLog.read(EventQuery.of(m.equipmentId()).afterSeq(from).limit(CHUNK),
                        e -> chunk.add(RawEvent.of(e)));
                if (chunk.isEmpty()) {
                    break;
                }
                eventsFolded += writer.apply(Map.of(m.equipmentId(), chunk));
                from = chunk.get(chunk.size() - 1).seq();
                if (chunk.size() < CHUNK) {
                    break;
                }
            }
        }
        behind = false;
        lastCatchUp = Instant.now();
    }

    /** Day buckets depend on the time zone: rollups built in another zone are rebuilt from the raw events. */
    private void rebuildIfZoneChanged() {
        String zone = writer.zone().getId();
        String stored = Db.query(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT val FROM cc_rep_meta WHERE name = 'zone'");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (zone.equals(stored)) {
            return;
        }
        if (stored != null) {
            LOG.info("Reports time zone changed from {} to {}: rebuilding the rollups", stored, zone);
            writer.clear();
        }
        Db.inTransaction(ds, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM cc_rep_meta WHERE name = 'zone'");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO cc_rep_meta (name, val) VALUES ('zone', ?)")) {
                del.executeUpdate();
                ins.setString(1, zone);
                ins.executeUpdate();
            }
            return null;
        });
    }

    boolean behind() {
        return behind;
    }

    Instant lastCatchUp() {
        return lastCatchUp;
    }

    long eventsFolded() {
        return eventsFolded;
    }

    /** A task that throws would silence a scheduled job for good: log it instead. */
    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Reports rollups: {} failed", what, e);
            }
        };
    }
}
