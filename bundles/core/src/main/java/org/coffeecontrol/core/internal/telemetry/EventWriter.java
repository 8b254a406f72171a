package org.coffeecontrol.core.internal.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.coffeecontrol.api.driver.MachineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores decoded batches with group commit: one writer thread takes every batch waiting, removes events already
 * stored (resends), inserts the rest and commits once, then completes each batch's future. A batch is
 * acknowledged only after that commit, so acknowledged means durable; many machines share one log flush, which is
 * what makes the rate independent of how small their batches are. Being the only writer also serialises batches
 * of the same machine, so duplicate detection needs no locks.
 */
final class EventWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    /** How a batch ended up: newly stored and ignored duplicates. */
    record Outcome(int accepted, int duplicates) {
    }

    private record Job(long equipmentId, List<MachineEvent> events, CompletableFuture<Outcome> done) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Job> queue;
    private final int maxEventsPerCommit;
    private final Thread thread;
    private final Consumer<Map<Long, List<MachineEvent>>> afterCommit;
    private volatile boolean running = true;

    /**
     * @param afterCommit sees every newly stored event, per machine, after each commit (for live state); must be
     *                    fast and must not throw
     */
    EventWriter(DataSource dataSource, int queueCapacity, int maxEventsPerCommit,
            Consumer<Map<Long, List<MachineEvent>>> afterCommit) {
        this.dataSource = dataSource;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxEventsPerCommit = maxEventsPerCommit;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::run, "coffee-event-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a batch; the future completes after the commit, or exceptionally when the database failed (nothing
     * of the batch is then acknowledged and the machine resends). Returns null when the queue stayed full.
     */
    CompletableFuture<Outcome> submit(long equipmentId, List<MachineEvent> events, long waitMillis)
            throws InterruptedException {
        Job job = new Job(equipmentId, events, new CompletableFuture<>());
        return queue.offer(job, waitMillis, TimeUnit.MILLISECONDS) ? job.done() : null;
    }

    int backlog() {
        return queue.size();
    }

    private void run() {
        List<Job> group = new ArrayList<>();
        while (running) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.events().size();
                Job next;
                while (events < maxEventsPerCommit && (next = queue.poll()) != null) {
                    group.add(next);
                    events += next.events().size();
                }
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Event writer failed a group of {} batches", group.size(), e);
                group.forEach(j -> j.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        Job left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("platform stopping"));
        }
    }

    private void write(List<Job> group) {
        Map<Long, Set<Long>> seen = new HashMap<>();
        Map<Long, List<MachineEvent>> fresh = new HashMap<>();
        Outcome[] outcomes = new Outcome[group.size()];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement insert = c.prepareStatement(EventRows.INSERT)) {
                    for (int i = 0; i < group.size(); i++) {
                        Job job = group.get(i);
                        Set<Long> known = seen.computeIfAbsent(job.equipmentId(), id -> new HashSet<>());
                        storedSeqs(c, job, known);
                        int accepted = 0;
                        List<MachineEvent> stored = fresh.computeIfAbsent(job.equipmentId(), id -> new ArrayList<>());
                        for (MachineEvent e : job.events()) {
                            if (known.add(e.seq())) {
                                EventRows.bind(insert, job.equipmentId(), e, now);
                                insert.addBatch();
                                stored.add(e);
                                accepted++;
                            }
                        }
                        outcomes[i] = new Outcome(accepted, job.events().size() - accepted);
                    }
                    insert.executeBatch();
                }
                updateContacts(c, group, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.warn("Could not store {} batches, machines will resend: {}", group.size(), e.getMessage());
            group.forEach(j -> j.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(outcomes[i]);
        }
        try {
            afterCommit.accept(fresh);
        } catch (RuntimeException e) {
            LOG.warn("Live-state update failed after a commit", e);
        }
    }

    /** Adds to {@code known} the sequence numbers of this batch's range that are already stored. */
    private static void storedSeqs(Connection c, Job job, Set<Long> known) throws SQLException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (MachineEvent e : job.events()) {
            min = Math.min(min, e.seq());
            max = Math.max(max, e.seq());
        }
        if (job.events().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq FROM cc_event WHERE equipment_id = ? AND seq BETWEEN ? AND ?")) {
            ps.setLong(1, job.equipmentId());
            ps.setLong(2, min);
            ps.setLong(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getLong(1));
                }
            }
        }
    }

    private static void updateContacts(Connection c, List<Job> group, Timestamp now) throws SQLException {
        Map<Long, long[]> lastSeq = new HashMap<>();
        Map<Long, Instant> lastTime = new HashMap<>();
        for (Job j : group) {
            for (MachineEvent e : j.events()) {
                lastSeq.merge(j.equipmentId(), new long[] { e.seq() }, (a, b) -> a[0] >= b[0] ? a : b);
                lastTime.merge(j.equipmentId(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
            lastSeq.putIfAbsent(j.equipmentId(), new long[] { -1 });
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE cc_machine_contact SET last_seq = "
                + "CASE WHEN last_seq > CAST(? AS BIGINT) THEN last_seq ELSE CAST(? AS BIGINT) END, last_seen = ?, "
                + "last_event_time = CASE WHEN last_event_time IS NULL OR last_event_time < CAST(? AS TIMESTAMP) "
                + "THEN CAST(? AS TIMESTAMP) ELSE last_event_time END WHERE equipment_id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO cc_machine_contact (equipment_id, "
                        + "last_seq, last_seen, last_event_time) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, long[]> e : lastSeq.entrySet()) {
                Instant t = lastTime.get(e.getKey());
                Timestamp ts = t == null ? null : Timestamp.from(t);
                update.setLong(1, e.getValue()[0]);
                update.setLong(2, e.getValue()[0]);
                update.setTimestamp(3, now);
                update.setTimestamp(4, ts == null ? now : ts);
                update.setTimestamp(5, ts);
                update.setLong(6, e.getKey());
                if (update.executeUpdate() == 0) {
                    insert.setLong(1, e.getKey());
                    insert.setLong(2, e.getValue()[0]);
                    insert.setTimestamp(3, now);
                    insert.setTimestamp(4, ts);
                    insert.executeUpdate();
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
