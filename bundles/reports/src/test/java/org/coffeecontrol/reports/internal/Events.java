package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads back what a {@link Store} holds, as the test's independent source of truth. */
final class Events {

    private Events() {
    }

    static List<RawEvent> stored(Store store, long equipmentId) {
        return Db.query(store.ds, c -> {
            List<RawEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + RawEvent.COLUMNS + " FROM cc_event WHERE equipment_id = ? ORDER BY seq")) {
                ps.setLong(1, equipmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RawEvent.read(rs));
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
