package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads back what a {@link Store} holds with its own SQL, as the test's source of truth independent of the EventLog. */
final class Events {

    private Events() {
    }

    static List<RawEvent> stored(Store store, long equipmentId) {
        return Db.query(store.ds, c -> {
            List<RawEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, event_time, kind, code, text, num, unit, severity, end_time FROM cc_event "
                            + "WHERE equipment_id = ? ORDER BY seq")) {
                ps.setLong(1, equipmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double n = rs.getDouble(6);
                        Double num = rs.wasNull() ? null : n;
                        out.add(new RawEvent(rs.getLong(1), Db.instant(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5), num, rs.getString(7), rs.getString(8), Db.instant(rs, 9)));
                    }
                }
            }
            return out;
        });
    }

    /** Rows of {@code day, machine, name, count} as "day|machine|name" → count, for comparing with raw counts. */
    static Map<String, Long> rollup(Store store, String sql) {
        return Db.query(store.ds, c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getDate(1).toLocalDate() + "|" + rs.getLong(2) + "|" + rs.getString(3), rs.getLong(4));
                }
            }
            return out;
        });
    }
}
