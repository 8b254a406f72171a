package org.coffeecontrol.core.internal.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
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
 * Stores decoded batches with group commit. Machines are spread over a few partitions by equipment id; each
 * partition has one writer thread that takes every batch waiting, removes events already stored (resends), stores
 * the rest as one {@link EventSegments segment} per machine and commits once, then completes each batch's future. A batch is acknowledged only after that commit,
 * so acknowledged means durable; many machines share one log flush, which makes the rate independent of how small
 * their batches are. All batches of one machine go through the same writer, so duplicate detection needs no locks,
 * and the writer can remember the highest stored sequence number of each machine: a batch that only carries newer
 * numbers (the normal case) needs no lookup at all.
 */
final class EventWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    /** How a batch ended up: newly stored and ignored duplicates. */
    record Outcome(int accepted, int duplicates) {
    }

    private record Job(long equipmentId, List<MachineEvent> events, CompletableFuture<Outcome> done) {
    }

    private static final String INSERT_SEGMENT = "INSERT INTO cc_event_segment (equipment_id, first_seq, last_seq, "
            + "first_time, last_time, events, received_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Partition[] partitions;
    private final int maxEventsPerCommit;
    private final Consumer<Map<Long, List<MachineEvent>>> afterCommit;
    /** Listeners are promised one call at a time, whichever partition committed. */
    private final Object listenerLock = new Object();
    private volatile boolean running = true;

    /**
     * @param partitions  writer threads; two keep both cores busy on a small machine while one flushes its log
     * @param afterCommit sees every newly stored event, per machine, after each commit (for live state); calls are
     *                    serialised; must be fast and must not throw
     */
    EventWriter(DataSource dataSource, int partitions, int queueCapacity, int maxEventsPerCommit,
            Consumer<Map<Long, List<MachineEvent>>> afterCommit) {
        this.dataSource = dataSource;
        this.maxEventsPerCommit = maxEventsPerCommit;
        this.afterCommit = afterCommit;
        this.partitions = new Partition[Math.max(1, partitions)];
        for (int i = 0; i < this.partitions.length; i++) {
            this.partitions[i] = new Partition(i, Math.max(1, queueCapacity / this.partitions.length));
        }
    }

    /**
     * Queues a batch; the future completes after the commit, or exceptionally when the database failed (nothing
     * of the batch is then acknowledged and the machine resends). Returns null when the queue stayed full.
     */
    CompletableFuture<Outcome> submit(long equipmentId, List<MachineEvent> events, long waitMillis)
            throws InterruptedException {
        Job job = new Job(equipmentId, events, new CompletableFuture<>());
        Partition p = partitions[Math.floorMod(Long.hashCode(equipmentId), partitions.length)];
        return p.queue.offer(job, waitMillis, TimeUnit.MILLISECONDS) ? job.done() : null;
    }

    int backlog() {
        int n = 0;
        for (Partition p : partitions) {
            n += p.queue.size();
        }
        return n;
    }

    @Override
    public void close() {
        running = false;
        for (Partition p : partitions) {
            p.thread.interrupt();
        }
        for (Partition p : partitions) {
            try {
                p.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Partition {
        final BlockingQueue<Job> queue;
        final Thread thread;
        /** Highest sequence number committed per machine of this partition, as far as this writer knows. */
        final Map<Long, Long> committedMax = new HashMap<>();
        /** Derby builds a calendar for every TIMESTAMP parameter bound without one: reuse ours (default zone). */
        final Calendar calendar = new GregorianCalendar();

        Partition(int index, int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this::run, "coffee-event-writer-" + index);
            thread.setDaemon(true);
            thread.start();
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
                    forget(group);
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
            Map<Long, Long> newMax = new HashMap<>();
            Outcome[] outcomes = new Outcome[group.size()];
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Timestamp now = Timestamp.from(Instant.now());
                    for (int i = 0; i < group.size(); i++) {
                        Job job = group.get(i);
                        Set<Long> known = seen.computeIfAbsent(job.equipmentId(), id -> new HashSet<>());
                        if (mayHoldStored(c, job)) {
                            storedSeqs(c, job, known);
                        }
                        int accepted = 0;
                        List<MachineEvent> stored = fresh.computeIfAbsent(job.equipmentId(), id -> new ArrayList<>());
                        for (MachineEvent e : job.events()) {
                            if (known.add(e.seq())) {
                                stored.add(e);
                                newMax.merge(job.equipmentId(), e.seq(), Math::max);
                                accepted++;
                            }
                        }
                        outcomes[i] = new Outcome(accepted, job.events().size() - accepted);
                    }
                    // One segment per machine and commit (more only past its size limit), whatever the batches.
                    try (PreparedStatement insert = c.prepareStatement(INSERT_SEGMENT)) {
                        for (Map.Entry<Long, List<MachineEvent>> m : fresh.entrySet()) {
                            for (EventSegments.Segment seg : EventSegments.encode(m.getValue())) {
                                insert.setLong(1, m.getKey());
                                insert.setLong(2, seg.firstSeq());
                                insert.setLong(3, seg.lastSeq());
                                insert.setTimestamp(4, Timestamp.from(seg.firstTime()), calendar);
                                insert.setTimestamp(5, Timestamp.from(seg.lastTime()), calendar);
                                insert.setInt(6, seg.count());
                                insert.setTimestamp(7, now, calendar);
                                insert.setBytes(8, seg.data());
                                insert.addBatch();
                            }
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
                forget(group);
                group.forEach(j -> j.done().completeExceptionally(e));
                return;
            }
            newMax.forEach((id, max) -> committedMax.merge(id, max, Math::max));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(outcomes[i]);
            }
            try {
                synchronized (listenerLock) {
                    afterCommit.accept(fresh);
                }
            } catch (RuntimeException e) {
                LOG.warn("Live-state update failed after a commit", e);
            }
        }

        /** False when every event of the batch is newer than anything stored for its machine. */
        private boolean mayHoldStored(Connection c, Job job) throws SQLException {
            if (job.events().isEmpty()) {
                return false;
            }
            Long max = committedMax.get(job.equipmentId());
            if (max == null) {
                max = Long.MIN_VALUE;
                for (String sql : new String[] { "SELECT MAX(seq) FROM cc_event WHERE equipment_id = ?",
                    "SELECT MAX(last_seq) FROM cc_event_segment WHERE equipment_id = ?" }) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setLong(1, job.equipmentId());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            long m = rs.getLong(1);
                            max = rs.wasNull() ? max : Math.max(max, m);
                        }
                    }
                }
                committedMax.put(job.equipmentId(), max);
            }
            long min = Long.MAX_VALUE;
            for (MachineEvent e : job.events()) {
                min = Math.min(min, e.seq());
            }
            return min <= max;
        }

        /** After a failed commit nothing is known for sure about these machines: ask the database next time. */
        private void forget(List<Job> group) {
            group.forEach(j -> committedMax.remove(j.equipmentId()));
        }
    }

    /** Adds to {@code known} the sequence numbers of this batch's range already stored, in either store. */
    private static void storedSeqs(Connection c, Job job, Set<Long> known) throws SQLException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (MachineEvent e : job.events()) {
            min = Math.min(min, e.seq());
            max = Math.max(max, e.seq());
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
        try (PreparedStatement ps = c.prepareStatement("SELECT received_at, data FROM cc_event_segment "
                + "WHERE equipment_id = ? AND first_seq <= ? AND last_seq >= ?")) {
            ps.setLong(1, job.equipmentId());
            ps.setLong(2, max);
            ps.setLong(3, min);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (org.coffeecontrol.api.telemetry.StoredEvent e : EventSegments.decode(job.equipmentId(),
                            rs.getBytes(2), rs.getTimestamp(1).toInstant())) {
                        if (e.seq() >= min && e.seq() <= max) {
                            known.add(e.seq());
                        }
                    }
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
}
