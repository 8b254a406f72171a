package org.coffeecontrol.core.internal.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
 * The {@link EventLog} over {@code cc_event} and {@code cc_machine_contact}: one statement per read, rows streamed to
 * the consumer as they come (PostgreSQL needs a transaction and a fetch size for that, else it loads the whole result
 * first), served by the primary key {@code (equipment_id, seq)}.
 */
@Component(service = EventLog.class)
public class JdbcEventLog implements EventLog {

    static final String COLUMNS = "seq, event_time, kind, code, text, num, unit, severity, end_time, received_at";
    private static final int FETCH_SIZE = 2000;

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
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM cc_event WHERE equipment_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(q.equipmentId());
        if (q.afterSeq() != Long.MIN_VALUE) {
            sql.append(" AND seq > ?");
            args.add(q.afterSeq());
        }
        if (q.upToSeq() != Long.MAX_VALUE) {
            sql.append(" AND seq <= ?");
            args.add(q.upToSeq());
        }
        if (q.from() != null) {
            sql.append(" AND event_time >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND event_time < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (!q.kinds().isEmpty()) {
            sql.append(" AND kind IN (").append(String.join(", ", java.util.Collections.nCopies(q.kinds().size(), "?")))
                    .append(')');
            args.addAll(q.kinds().stream().sorted().toList());
        }
        sql.append(q.order() == EventQuery.Order.TIME ? " ORDER BY event_time, seq" : " ORDER BY seq");
        if (q.limit() > 0) {
            sql.append(" FETCH FIRST ").append(q.limit()).append(" ROWS ONLY");
        }
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(row(rs, q.equipmentId()));
                        n++;
                    }
                }
                return n;
            } finally {
                c.rollback(); // read only: nothing to keep
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the events of machine " + q.equipmentId() + ": " + e.getMessage(),
                    e);
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
