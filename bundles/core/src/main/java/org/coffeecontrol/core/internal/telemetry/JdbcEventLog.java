package org.coffeecontrol.core.internal.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.coffeecontrol.api.telemetry.EventLog;
import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.api.telemetry.MachineContact;
import org.coffeecontrol.api.telemetry.StoredEvent;
import org.coffeecontrol.core.internal.db.CoreDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link EventLog} over {@code cc_event_segment} (events stored since schema version 4, one row per batch, see
 * {@link EventSegments}), {@code cc_event} (one row per event, stored before) and {@code cc_machine_contact}.
 * In sequence order, events are streamed to the consumer as the segments come (PostgreSQL needs a transaction and a
 * fetch size for that, else it loads the whole result first); in time order they are sorted in memory, which suits
 * the curves and periods that ask for it.
 */
@Component(service = EventLog.class)
public class JdbcEventLog implements EventLog {

    static final String COLUMNS = "seq, event_time, kind, code, text, num, unit, severity, end_time, received_at";
    private static final int FETCH_SIZE = 2000;
    /** A segment holds up to {@link EventSegments#MAX_BYTES}: a few MB per round trip at most. */
    private static final int SEGMENT_FETCH_SIZE = 100;

    private final DataSource dataSource;

    /** Waits for core's database, so the tables exist. */
    @Activate
    public JdbcEventLog(@Reference CoreDatabase db) {
        this(db.dataSource());
    }

    /** Feature bundles' tests and benchmarks: core's tables (script V002) must exist in {@code dataSource}. */
    public JdbcEventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates {@code cc_event_segment} on Derby as core's script V004 does, for feature bundles' tests and benchmarks
     * that hold core's telemetry tables without running core's migrations.
     */
    public static void createSegmentTable(Connection c) throws SQLException {
        String script;
        try (java.io.InputStream in = JdbcEventLog.class.getClassLoader()
                .getResourceAsStream("db/V004__event_segments.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("core's script V004 is missing", e);
        }
        try (Statement st = c.createStatement()) {
            for (String sql : org.coffeecontrol.api.storage.SchemaMigrations
                    .statements(script.replace("${SEGMENT}", "VARCHAR(32672) FOR BIT DATA"))) {
                st.execute(sql);
            }
        }
    }

    @Override
    public List<MachineContact> contacts() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT equipment_id, last_seq, last_seen, last_event_time FROM cc_machine_contact")) {
            List<MachineContact> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new MachineContact(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading machine contacts: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(EventQuery q, Consumer<StoredEvent> each) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return q.order() == EventQuery.Order.TIME ? readInTimeOrder(c, q, each) : readInSeqOrder(c, q, each);
            } finally {
                c.rollback(); // read only: nothing to keep
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the events of machine " + q.equipmentId() + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Segments come in order of their first sequence number; a segment can hold numbers below a later one's first
     * (a resend that filled a gap), so events wait in a heap until no later segment can hold a smaller number. Rows
     * of the former one-row-per-event table join the same merge.
     */
    private int readInSeqOrder(Connection c, EventQuery q, Consumer<StoredEvent> each) throws SQLException {
        Predicate<StoredEvent> match = matcher(q);
        int limit = q.limit() > 0 ? q.limit() : Integer.MAX_VALUE;
        PriorityQueue<StoredEvent> pending = new PriorityQueue<>(Comparator.comparingLong(StoredEvent::seq));
        int[] n = { 0 };
        try (PreparedStatement legacy = legacyQuery(c, q, " ORDER BY seq");
                ResultSet rows = legacy.executeQuery();
                PreparedStatement segments = segmentQuery(c, q, " ORDER BY first_seq");
                ResultSet segs = segments.executeQuery()) {
            StoredEvent[] row = { rows.next() ? row(rows, q.equipmentId()) : null };
            // Emits, smallest first, what lies at or below the bound, from the row store's stream and the heap.
            SqlBoundEmitter emitUpTo = bound -> {
                while (n[0] < limit) {
                    StoredEvent next = smaller(row[0], pending.peek());
                    if (next == null || next.seq() > bound) {
                        return;
                    }
                    if (next == row[0]) {
                        row[0] = rows.next() ? row(rows, q.equipmentId()) : null;
                    } else {
                        pending.poll();
                    }
                    each.accept(next);
                    n[0]++;
                }
            };
            while (n[0] < limit && segs.next()) {
                // Everything below this segment's first number is final: no later segment starts lower.
                long first = segs.getLong(1);
                if (first != Long.MIN_VALUE) {
                    emitUpTo.emit(first - 1);
                }
                for (StoredEvent e : EventSegments.decode(q.equipmentId(), segs.getBytes(3),
                        instant(segs.getTimestamp(2)))) {
                    if (match.test(e)) {
                        pending.add(e);
                    }
                }
            }
            emitUpTo.emit(Long.MAX_VALUE);
        }
        return n[0];
    }

    @FunctionalInterface
    private interface SqlBoundEmitter {
        void emit(long bound) throws SQLException;
    }

    private static StoredEvent smaller(StoredEvent a, StoredEvent b) {
        if (a == null) {
            return b;
        }
        return b == null || a.seq() <= b.seq() ? a : b;
    }

    private int readInTimeOrder(Connection c, EventQuery q, Consumer<StoredEvent> each) throws SQLException {
        Predicate<StoredEvent> match = matcher(q);
        List<StoredEvent> all = new ArrayList<>();
        try (PreparedStatement legacy = legacyQuery(c, q, ""); ResultSet rows = legacy.executeQuery()) {
            while (rows.next()) {
                all.add(row(rows, q.equipmentId()));
            }
        }
        try (PreparedStatement segments = segmentQuery(c, q, ""); ResultSet segs = segments.executeQuery()) {
            while (segs.next()) {
                for (StoredEvent e : EventSegments.decode(q.equipmentId(), segs.getBytes(3),
                        instant(segs.getTimestamp(2)))) {
                    if (match.test(e)) {
                        all.add(e);
                    }
                }
            }
        }
        all.sort(Comparator.comparing(StoredEvent::time).thenComparingLong(StoredEvent::seq));
        int limit = q.limit() > 0 ? Math.min(q.limit(), all.size()) : all.size();
        for (int i = 0; i < limit; i++) {
            each.accept(all.get(i));
        }
        return limit;
    }

    /**
     * The newest events of a machine by sequence number, newest first. Segments are visited by their last number,
     * newest first, until no further one can hold a number among the {@code limit} highest found.
     */
    public List<StoredEvent> last(long equipmentId, int limit) {
        List<StoredEvent> found = new ArrayList<>();
        Comparator<StoredEvent> newestFirst = Comparator.comparingLong(StoredEvent::seq).reversed();
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cc_event WHERE "
                        + "equipment_id = ? ORDER BY seq DESC FETCH FIRST " + limit + " ROWS ONLY")) {
                    ps.setLong(1, equipmentId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(row(rs, equipmentId));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, received_at, data FROM "
                        + "cc_event_segment WHERE equipment_id = ? ORDER BY last_seq DESC")) {
                    ps.setLong(1, equipmentId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (found.size() >= limit) {
                                found.sort(newestFirst);
                                found.subList(limit, found.size()).clear();
                                if (rs.getLong(1) < found.get(limit - 1).seq()) {
                                    break;
                                }
                            }
                            found.addAll(EventSegments.decode(equipmentId, rs.getBytes(3),
                                    instant(rs.getTimestamp(2))));
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the last events of machine " + equipmentId + ": "
                    + e.getMessage(), e);
        }
        found.sort(newestFirst);
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    private static Predicate<StoredEvent> matcher(EventQuery q) {
        return e -> e.seq() > q.afterSeq() && e.seq() <= q.upToSeq()
                && (q.from() == null || !e.time().isBefore(q.from()))
                && (q.to() == null || e.time().isBefore(q.to()))
                && (q.kinds().isEmpty() || q.kinds().contains(e.kind()));
    }

    /** The query's conditions on the former one-row-per-event table. */
    private static PreparedStatement legacyQuery(Connection c, EventQuery q, String order) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM cc_event");
        List<Object> args = where(q, sql, "seq", "seq", "event_time", "event_time");
        if (!q.kinds().isEmpty()) {
            sql.append(" AND kind IN (").append(String.join(", ", java.util.Collections.nCopies(q.kinds().size(), "?")))
                    .append(')');
            args.addAll(q.kinds().stream().sorted().toList());
        }
        sql.append(order);
        if (q.limit() > 0 && !order.isEmpty()) {
            sql.append(" FETCH FIRST ").append(q.limit()).append(" ROWS ONLY");
        }
        return prepared(c, sql.toString(), args, FETCH_SIZE);
    }

    /** Segments that can hold events the query asks for; kinds are told apart only once decoded. */
    private static PreparedStatement segmentQuery(Connection c, EventQuery q, String order) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT first_seq, received_at, data FROM cc_event_segment");
        List<Object> args = where(q, sql, "last_seq", "first_seq", "last_time", "first_time");
        return prepared(c, sql.append(order).toString(), args, SEGMENT_FETCH_SIZE);
    }

    /**
     * Appends the machine, sequence and time bounds; a row can hold matches when its highest sequence number is past
     * {@code afterSeq}, its lowest not past {@code upToSeq}, and likewise for times (the same column twice for rows).
     */
    private static List<Object> where(EventQuery q, StringBuilder sql, String highestSeq, String lowestSeq,
            String latestTime, String earliestTime) {
        List<Object> args = new ArrayList<>();
        sql.append(" WHERE equipment_id = ?");
        args.add(q.equipmentId());
        if (q.afterSeq() != Long.MIN_VALUE) {
            sql.append(" AND ").append(highestSeq).append(" > ?");
            args.add(q.afterSeq());
        }
        if (q.upToSeq() != Long.MAX_VALUE) {
            sql.append(" AND ").append(lowestSeq).append(" <= ?");
            args.add(q.upToSeq());
        }
        if (q.from() != null) {
            sql.append(" AND ").append(latestTime).append(" >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND ").append(earliestTime).append(" < ?");
            args.add(Timestamp.from(q.to()));
        }
        return args;
    }

    private static PreparedStatement prepared(Connection c, String sql, List<Object> args, int fetchSize)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setFetchSize(fetchSize);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** One row of {@link #COLUMNS}. */
    static StoredEvent row(ResultSet rs, long equipmentId) throws SQLException {
        double num = rs.getDouble(6);
        Double value = rs.wasNull() ? null : num;
        return new StoredEvent(equipmentId, rs.getLong(1), instant(rs.getTimestamp(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), value, rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
