package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.coffeecontrol.reports.api.SensorSeries;

/**
 * One machine's raw sensor readings for the REP-9 charts. The day rollups are too coarse for a temperature
 * curve, so this reads core's {@code cc_event} (the same coupling as the rollup catch-up), by its primary key
 * prefix: one machine at a time.
 */
final class SensorSeriesQuery {

    private SensorSeriesQuery() {
    }

    static List<SensorSeries> read(DataSource ds, long equipmentId, Instant from, Instant to, int maxPoints) {
        Map<String, Readings> bySensor = Db.query(ds, c -> {
            Map<String, Readings> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            try (PreparedStatement ps = c.prepareStatement("SELECT event_time, code, num, unit FROM cc_event "
                    + "WHERE equipment_id = ? AND kind = 'SENSOR' AND event_time >= ? AND event_time < ? "
                    + "AND num IS NOT NULL ORDER BY event_time, seq")) {
                ps.setLong(1, equipmentId);
                ps.setTimestamp(2, Db.ts(from));
                ps.setTimestamp(3, Db.ts(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Readings r = out.computeIfAbsent(rs.getString(2), k -> new Readings());
                        r.times.add(Db.instant(rs, 1));
                        r.values.add(rs.getDouble(3));
                        if (rs.getString(4) != null) {
                            r.unit = rs.getString(4);
                        }
                    }
                }
            }
            return out;
        });
        List<SensorSeries> series = new ArrayList<>();
        bySensor.forEach((sensor, r) -> series.add(thinned(sensor, r, maxPoints)));
        return series;
    }

    /** Every k-th reading, always keeping the last, so the curve spans the whole period. */
    static SensorSeries thinned(String sensor, Readings r, int maxPoints) {
        int n = r.times.size();
        if (n <= maxPoints) {
            return new SensorSeries(sensor, r.unit, r.times, r.values);
        }
        double step = (double) (n - 1) / (maxPoints - 1);
        List<Instant> times = new ArrayList<>(maxPoints);
        List<Double> values = new ArrayList<>(maxPoints);
        for (int i = 0; i < maxPoints; i++) {
            int at = (int) Math.round(i * step);
            times.add(r.times.get(at));
            values.add(r.values.get(at));
        }
        return new SensorSeries(sensor, r.unit, times, values);
    }

    static final class Readings {
        final List<Instant> times = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        String unit;
    }
}
