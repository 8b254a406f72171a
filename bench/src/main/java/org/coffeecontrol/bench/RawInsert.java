package org.coffeecontrol.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.driver.MachineEvent;

/**
 * The baseline: the same events inserted straight into a table of {@code cc_event}'s shape (same columns, same
 * primary key) with JDBC batches and one commit per {@code commitRows} rows. No HTTP, no decoding, no duplicate
 * check: what Derby alone can take on this machine.
 */
final class RawInsert {

    record Rows(long equipmentId, List<MachineEvent> events) {
    }

    private RawInsert() {
    }

    /** @return rows per second, including the final commit */
    static double rate(Connection c, List<Rows> all, int commitRows) throws SQLException {
        try (Statement s = c.createStatement()) {
            try {
                s.execute("DROP TABLE bench_raw_event");
            } catch (SQLException absent) {
                // first run on this database
            }
            s.execute("CREATE TABLE bench_raw_event (equipment_id BIGINT NOT NULL, seq BIGINT NOT NULL, "
                    + "event_time TIMESTAMP NOT NULL, kind VARCHAR(16) NOT NULL, code VARCHAR(100), text VARCHAR(500), "
                    + "num DOUBLE PRECISION, unit VARCHAR(16), severity VARCHAR(10), end_time TIMESTAMP, "
                    + "received_at TIMESTAMP NOT NULL, CONSTRAINT pk_bench_raw_event PRIMARY KEY (equipment_id, seq))");
        }
        c.setAutoCommit(false);
        long rows = 0;
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw_event (equipment_id, seq, event_time, "
                + "kind, code, text, num, unit, severity, end_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Rows r : all) {
                for (MachineEvent e : r.events()) {
                    bind(ps, r.equipmentId(), e, now);
                    ps.addBatch();
                    if (++rows % commitRows == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            ps.executeBatch();
            c.commit();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        c.setAutoCommit(true);
        return rows / seconds;
    }

    /** Column values of the same kinds and sizes as core's mapping, so both sides write comparable rows. */
    private static void bind(PreparedStatement ps, long equipmentId, MachineEvent e, Timestamp now) throws SQLException {
        ps.setLong(1, equipmentId);
        ps.setLong(2, e.seq());
        ps.setTimestamp(3, Timestamp.from(e.time()));
        String code = null;
        String text = null;
        Double num = null;
        if (e instanceof MachineEvent.DrinkMade d) {
            code = d.product();
            num = d.sizeMl() == null ? null : d.sizeMl().doubleValue();
        } else if (e instanceof MachineEvent.ErrorRaised r) {
            code = r.code();
            text = r.text();
        } else if (e instanceof MachineEvent.SensorReading s) {
            code = s.sensor();
            num = s.value();
        } else if (e instanceof MachineEvent.CounterReading k) {
            code = k.key();
            text = k.value();
        }
        ps.setString(4, e.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT).substring(0,
                Math.min(16, e.getClass().getSimpleName().length())));
        ps.setString(5, code);
        ps.setString(6, text == null || text.length() <= 500 ? text : text.substring(0, 500));
        if (num == null) {
            ps.setNull(7, Types.DOUBLE);
        } else {
            ps.setDouble(7, num);
        }
        ps.setString(8, num == null ? null : "ml");
        ps.setNull(9, Types.VARCHAR);
        ps.setNull(10, Types.TIMESTAMP);
        ps.setTimestamp(11, now);
    }
}
