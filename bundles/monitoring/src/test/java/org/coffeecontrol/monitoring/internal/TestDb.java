package org.coffeecontrol.monitoring.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** A real Derby in memory holding core's telemetry tables monitoring reads (as core's V002 and V004 create them; events go into the
 * former one-row-per-event table, which core's event log still reads). */
final class TestDb {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    TestDb() throws Exception {
        dataSource.setDatabaseName("memory:monitoring" + COUNTER.incrementAndGet());
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE cc_event (equipment_id BIGINT NOT NULL, seq BIGINT NOT NULL, "
                    + "event_time TIMESTAMP NOT NULL, kind VARCHAR(16) NOT NULL, code VARCHAR(100), text VARCHAR(500), "
                    + "num DOUBLE PRECISION, unit VARCHAR(16), severity VARCHAR(10), end_time TIMESTAMP, "
                    + "received_at TIMESTAMP NOT NULL, CONSTRAINT pk_event PRIMARY KEY (equipment_id, seq))");
            st.execute("CREATE TABLE cc_machine_contact (equipment_id BIGINT NOT NULL PRIMARY KEY, "
                    + "last_seq BIGINT NOT NULL, last_seen TIMESTAMP NOT NULL, last_event_time TIMESTAMP)");
            org.coffeecontrol.core.internal.telemetry.JdbcEventLog.createSegmentTable(c);
        }
    }

    /** Stores an event the way core does, as if monitoring had been stopped meanwhile. */
    void coreStored(long equipmentId, long seq, Instant time, String kind, String code, String text, Double num,
            String severity, Instant receivedAt) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_event (equipment_id, seq, event_time, kind, "
                    + "code, text, num, severity, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, equipmentId);
                ps.setLong(2, seq);
                ps.setTimestamp(3, Timestamp.from(time));
                ps.setString(4, kind);
                ps.setString(5, code);
                ps.setString(6, text);
                ps.setObject(7, num);
                ps.setString(8, severity);
                ps.setTimestamp(9, Timestamp.from(receivedAt));
                ps.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM cc_machine_contact WHERE equipment_id = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO cc_machine_contact VALUES (?, ?, ?, ?)")) {
                del.setLong(1, equipmentId);
                del.executeUpdate();
                ins.setLong(1, equipmentId);
                ins.setLong(2, seq);
                ins.setTimestamp(3, Timestamp.from(receivedAt));
                ins.setTimestamp(4, Timestamp.from(time));
                ins.executeUpdate();
            }
        }
    }
}
