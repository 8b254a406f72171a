package org.coffeecontrol.reports.api;

import java.time.Instant;
import java.util.List;

/**
 * One sensor's readings of one machine over time (REP-9 charts), oldest first; {@code times} and {@code values}
 * have the same length.
 */
public record SensorSeries(String sensor, String unit, List<Instant> times, List<Double> values) {

    public SensorSeries {
        times = List.copyOf(times);
        values = List.copyOf(values);
        if (times.size() != values.size()) {
            throw new IllegalArgumentException(times.size() + " times for " + values.size() + " values");
        }
    }
}
