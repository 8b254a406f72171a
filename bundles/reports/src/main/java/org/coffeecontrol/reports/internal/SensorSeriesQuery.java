package org.coffeecontrol.reports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coffeecontrol.api.telemetry.EventLog;
import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.reports.api.SensorSeries;

/**
 * One machine's raw sensor readings for the REP-9 charts. The day rollups are too coarse for a temperature
 * curve, so this reads core's stored events, one machine at a time (the log serves that by its key prefix).
 */
final class SensorSeriesQuery {

    private SensorSeriesQuery() {
    }

    static List<SensorSeries> read(EventLog eventLog, long equipmentId, Instant from, Instant to, int maxPoints) {
        Map<String, Readings> bySensor = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        eventLog.read(EventQuery.of(equipmentId).kinds("SENSOR").between(from, to).inTimeOrder(), e -> {
            if (e.value() == null || e.code() == null) {
                return;
            }
            Readings r = bySensor.computeIfAbsent(e.code(), k -> new Readings());
            r.times.add(e.time());
            r.values.add(e.value());
            if (e.unit() != null) {
                r.unit = e.unit();
            }
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
