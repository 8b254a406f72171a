package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

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
}
