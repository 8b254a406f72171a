package org.coffeecontrol.core.internal.telemetry;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;

import org.coffeecontrol.api.driver.MachineEvent;

/** Maps canonical events to the flat columns of {@code cc_event}. */
final class EventRows {

    static final String INSERT = "INSERT INTO cc_event (equipment_id, seq, event_time, kind, code, text, num, unit, "
            + "severity, end_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private EventRows() {
    }

    /** @param calendar reused by the caller's thread: spares the driver a new calendar per timestamp */
    static void bind(PreparedStatement ps, long equipmentId, MachineEvent e, Timestamp receivedAt, Calendar calendar)
            throws SQLException {
        ps.setLong(1, equipmentId);
        ps.setLong(2, e.seq());
        ps.setTimestamp(3, Timestamp.from(e.time()), calendar);
        String kind;
        String code = null;
        String text = null;
        Double num = null;
        String unit = null;
        String severity = null;
        Instant end = null;
        if (e instanceof MachineEvent.DrinkMade d) {
            kind = "DRINK";
            code = d.product();
            num = d.sizeMl() == null ? null : d.sizeMl().doubleValue();
            unit = d.sizeMl() == null ? null : "ml";
        } else if (e instanceof MachineEvent.ErrorRaised r) {
            kind = "ERROR";
            code = r.code();
            text = r.text();
            severity = r.severity() == null ? null : r.severity().name();
        } else if (e instanceof MachineEvent.ErrorCleared c) {
            kind = "ERROR_CLEARED";
            code = c.code();
        } else if (e instanceof MachineEvent.CleaningRun c) {
            kind = "CLEANING";
            code = c.program();
            end = c.end();
            text = c.completed() ? "completed" : "aborted";
        } else if (e instanceof MachineEvent.SensorReading s) {
            kind = "SENSOR";
            code = s.sensor();
            num = s.value();
            unit = s.unit();
        } else if (e instanceof MachineEvent.CounterReading c) {
            kind = "COUNTER";
            code = c.key();
            text = c.value();
        } else if (e instanceof MachineEvent.Notice n) {
            kind = "NOTICE";
            code = n.code();
            text = n.text();
        } else {
            kind = "HEARTBEAT";
        }
        ps.setString(4, kind);
        ps.setString(5, clip(code, 100));
        ps.setString(6, clip(text, 500));
        if (num == null || num.isNaN() || num.isInfinite()) {
            ps.setNull(7, Types.DOUBLE);
        } else {
            ps.setDouble(7, num);
        }
        ps.setString(8, clip(unit, 16));
        ps.setString(9, severity);
        ps.setTimestamp(10, end == null ? null : Timestamp.from(end), calendar);
        ps.setTimestamp(11, receivedAt, calendar);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
