package org.coffeecontrol.reports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.driver.MachineEvent;

/**
 * An in-memory Derby with core's telemetry tables the reports read ({@code cc_event}, {@code cc_machine_contact},
 * same columns as core's V002 script, and V004's {@code cc_event_segment}), and a way to store events in one commit
 * with their contact. Events go into the former one-row-per-event table, which core's event log still reads and
 * which the benchmarks' naive scans query directly.
 */
final class Store {

    private static final AtomicInteger DBS = new AtomicInteger();

    final DataSource ds;

    Store() throws SQLException {
        this(memory());
    }

    /** Core's tables in the given database, those missing (the benchmark uses one on disk, perhaps of an earlier core). */
    Store(DataSource ds) throws SQLException {
        this.ds = ds;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            if (!exists(c, "CC_EVENT")) {
                st.execute("CREATE TABLE cc_event (equipment_id BIGINT NOT NULL, seq BIGINT NOT NULL, "
                        + "event_time TIMESTAMP NOT NULL, kind VARCHAR(16) NOT NULL, code VARCHAR(100), "
                        + "text VARCHAR(500), num DOUBLE PRECISION, unit VARCHAR(16), severity VARCHAR(10), "
                        + "end_time TIMESTAMP, received_at TIMESTAMP NOT NULL, "
                        + "CONSTRAINT pk_event PRIMARY KEY (equipment_id, seq))");
            }
            if (!exists(c, "CC_MACHINE_CONTACT")) {
                st.execute("CREATE TABLE cc_machine_contact (equipment_id BIGINT NOT NULL PRIMARY KEY, "
                        + "last_seq BIGINT NOT NULL, last_seen TIMESTAMP NOT NULL, last_event_time TIMESTAMP)");
            }
            if (!exists(c, "CC_EVENT_SEGMENT")) {
                org.coffeecontrol.core.internal.telemetry.JdbcEventLog.createSegmentTable(c);
            }
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (java.sql.ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private static DataSource memory() {
        EmbeddedDataSource d = new EmbeddedDataSource();
        d.setDatabaseName("memory:reports-" + DBS.incrementAndGet());
        d.setCreateDatabase("create");
        return d;
    }

    /** Stores one machine's events (in sequence order) and moves its contact on, in one transaction. */
    void store(long equipmentId, List<MachineEvent> events) throws SQLException {
        storeRaw(equipmentId, events.stream().map(RawEvent::of).toList());
    }

    /** The same for events already in the flat shape (read back from another store). */
    void storeRaw(long equipmentId, List<RawEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_event (equipment_id, seq, event_time, kind, "
                    + "code, text, num, unit, severity, end_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RawEvent r : events) {
                    ps.setLong(1, equipmentId);
                    ps.setLong(2, r.seq());
                    ps.setTimestamp(3, Timestamp.from(r.time()));
                    ps.setString(4, r.kind());
                    ps.setString(5, r.code());
                    ps.setString(6, r.text());
                    if (r.num() == null) {
                        ps.setNull(7, Types.DOUBLE);
                    } else {
                        ps.setDouble(7, r.num());
                    }
                    ps.setString(8, r.unit());
                    ps.setString(9, r.severity());
                    ps.setTimestamp(10, r.end() == null ? null : Timestamp.from(r.end()));
                    ps.setTimestamp(11, Timestamp.from(Instant.now()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            RawEvent last = events.get(events.size() - 1);
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE cc_machine_contact SET last_seq = ?, last_seen = ? WHERE equipment_id = ?")) {
                up.setLong(1, last.seq());
                up.setTimestamp(2, Timestamp.from(Instant.now()));
                up.setLong(3, equipmentId);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement(
                            "INSERT INTO cc_machine_contact (equipment_id, last_seq, last_seen) VALUES (?, ?, ?)")) {
                        in.setLong(1, equipmentId);
                        in.setLong(2, last.seq());
                        in.setTimestamp(3, Timestamp.from(Instant.now()));
                        in.executeUpdate();
                    }
                }
            }
            c.commit();
        }
    }
}
