package org.coffeecontrol.monitoring.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;

/**
 * The monitoring rules in force, from {@link MonitoringConfig}.
 *
 * @param offlineAfter        silence after which a machine of a POS without a configured package is not online
 * @param packageOfflineAfter the same per monitoring package name (case-insensitive)
 * @param errorDebounce       how long a critical error must stay raised before it becomes a problem
 * @param zone                the zone opening hours and day periods are read in
 */
record Settings(Duration offlineAfter, Map<String, Duration> packageOfflineAfter, Duration errorDebounce, ZoneId zone,
        Duration sweepInterval, Duration catalogRefresh) {

    Settings {
        packageOfflineAfter = Map.copyOf(packageOfflineAfter);
    }

    static Settings defaults(ZoneId zone) {
        return new Settings(Duration.ofMinutes(3), Map.of(), Duration.ofSeconds(30), zone, Duration.ofSeconds(15),
                Duration.ofSeconds(60));
    }

    static Settings from(MonitoringConfig c) {
        Map<String, Duration> perPackage = new HashMap<>();
        for (String entry : c.packageOfflineAfterSeconds()) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new ValidationException("packageOfflineAfterSeconds", "'" + entry + "' is not PACKAGE=SECONDS");
            }
            perPackage.put(kv[0].strip().toLowerCase(Locale.ROOT), seconds("packageOfflineAfterSeconds", kv[1]));
        }
        ZoneId zone = c.zone() == null || c.zone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(c.zone().strip());
        return new Settings(Duration.ofSeconds(positive("offlineAfterSeconds", c.offlineAfterSeconds())), perPackage,
                Duration.ofSeconds(Math.max(0, c.errorDebounceSeconds())), zone,
                Duration.ofSeconds(positive("sweepSeconds", c.sweepSeconds())),
                Duration.ofSeconds(positive("catalogRefreshSeconds", c.catalogRefreshSeconds())));
    }

    Duration offlineAfter(String monitoringPackage) {
        if (monitoringPackage == null) {
            return offlineAfter;
        }
        return packageOfflineAfter.getOrDefault(monitoringPackage.strip().toLowerCase(Locale.ROOT), offlineAfter);
    }

    private static Duration seconds(String field, String value) {
        try {
            return Duration.ofSeconds(positive(field, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "'" + value + "' is not a number of seconds");
        }
    }

    private static long positive(String field, long value) {
        if (value <= 0) {
            throw new ValidationException(field, "must be positive");
        }
        return value;
    }
}
