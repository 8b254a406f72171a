package org.coffeecontrol.reports.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;

/** The reports' configuration, parsed and checked once. */
record Settings(ZoneId zone, Duration heartbeat, Duration outageAfter, Duration cleaningTolerance,
        long catchUpSeconds, int jobThreads, Duration jobKeep, Map<String, Threshold> thresholds) {

    /** A sensor's accepted range; either end may be open (null). */
    record Threshold(Double min, Double max) {

        boolean violatedBy(double low, double high) {
            return (min != null && low < min) || (max != null && high > max);
        }

        @Override
        public String toString() {
            return (min == null ? "" : fmt(min)) + ".." + (max == null ? "" : fmt(max));
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }

        /** {@code 85..100}, {@code ..8} or {@code 5..}. */
        static Threshold parse(String field, String text) {
            String t = text.strip();
            int dots = t.indexOf("..");
            if (dots < 0) {
                throw new ValidationException(field, "'" + text + "' is not a range such as 85..100, ..8 or 5..");
            }
            try {
                String lo = t.substring(0, dots).strip();
                String hi = t.substring(dots + 2).strip();
                return new Threshold(lo.isEmpty() ? null : Double.valueOf(lo), hi.isEmpty() ? null : Double.valueOf(hi));
            } catch (NumberFormatException e) {
                throw new ValidationException(field, "'" + text + "' is not a range such as 85..100, ..8 or 5..");
            }
        }
    }

    static Settings defaults(ZoneId zone) {
        return new Settings(zone, Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(60), 60, 2,
                Duration.ofMinutes(30), thresholds("boiler_temp=85..100,steam_temp=110..140,milk_temp=..8,"
                        + "beans_level=5..,milk_level=5..,water_level=5..,waste_level=..95"));
    }

    static Settings from(ReportsConfig c) {
        ZoneId zone = c.zone() == null || c.zone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(c.zone().strip());
        return new Settings(zone, Duration.ofSeconds(Math.max(1, c.heartbeatSeconds())),
                Duration.ofMinutes(Math.max(1, c.outageMinutes())), Duration.ofMinutes(Math.max(0, c.cleaningToleranceMinutes())),
                c.catchUpSeconds(), Math.max(1, c.jobThreads()), Duration.ofMinutes(Math.max(1, c.jobKeepMinutes())),
                thresholds(c.sensorThresholds()));
    }

    /** {@code sensor=range,sensor=range}. */
    static Map<String, Threshold> thresholds(String spec) {
        Map<String, Threshold> out = new LinkedHashMap<>();
        if (spec == null) {
            return out;
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).strip(), Threshold.parse("sensorThresholds", part.substring(eq + 1)));
            }
        }
        return out;
    }
}
