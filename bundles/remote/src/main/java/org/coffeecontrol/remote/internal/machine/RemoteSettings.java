package org.coffeecontrol.remote.internal.machine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.coffeecontrol.remote.internal.transport.TransportSettings;

/** The configuration, parsed and checked once. */
public record RemoteSettings(TransportSettings transport, RemotePermissions permissions, Duration commandTimeout,
        Duration sqlTimeout, int sqlMaxRows, Duration fileTimeout, long maxFileBytes, List<String> allowedFolders,
        int driftParallelism, java.nio.file.Path deferredRoot, Duration deferredRedeliver,
        java.util.Set<org.coffeecontrol.api.security.Role> promoRoles, int promoParallel, Duration promoTimeout) {

    public static RemoteSettings from(RemoteConfig c) {
        List<String> folders = Arrays.stream(c.allowedFolders().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        for (String f : folders) {
            if (!f.matches("[A-Za-z0-9._-]+") || f.equals(".") || f.equals("..")) {
                throw new IllegalArgumentException("allowedFolders: '" + f + "' must be one plain folder name");
            }
        }
        return new RemoteSettings(
                new TransportSettings(Duration.ofMillis(positive(c.connectTimeoutMillis(), "connectTimeoutMillis")),
                        positive(c.maxSessions(), "maxSessions"), positive(c.maxPerMachine(), "maxPerMachine"),
                        positive(c.maxQueued(), "maxQueued"), positive(c.maxOutputBytes(), "maxOutputBytes"),
                        Duration.ofSeconds(Math.max(0, c.sessionIdleSeconds()))),
                RemotePermissions.from(c), Duration.ofSeconds(positive(c.commandTimeoutSeconds(), "commandTimeoutSeconds")),
                Duration.ofSeconds(positive(c.sqlTimeoutSeconds(), "sqlTimeoutSeconds")),
                Math.min(positive(c.sqlMaxRows(), "sqlMaxRows"), 1000),
                Duration.ofSeconds(positive(c.fileTimeoutSeconds(), "fileTimeoutSeconds")),
                Math.max(1, c.maxFileBytes()), folders,
                positive(c.driftParallelism(), "driftParallelism"), deferredRoot(c),
                Duration.ofSeconds(positive(c.deferredRedeliverSeconds(), "deferredRedeliverSeconds")),
                RemotePermissions.roles(c.promoRoles(), ","),
                Math.min(positive(c.promoParallel(), "promoParallel"), positive(c.maxSessions(), "maxSessions")),
                Duration.ofSeconds(positive(c.promoTimeoutSeconds(), "promoTimeoutSeconds")));
    }

    /** What a driver planned, bounded by the configured command timeout (which also stands in for none). */
    public Duration commandTimeout(Duration planned) {
        return planned == null || planned.isNegative() || planned.isZero() || planned.compareTo(commandTimeout) > 0
                ? commandTimeout : planned;
    }

    private static java.nio.file.Path deferredRoot(RemoteConfig c) {
        if (!c.deferredRoot().isBlank()) {
            return java.nio.file.Path.of(c.deferredRoot());
        }
        String data = System.getProperty("karaf.data");
        return data == null ? java.nio.file.Path.of("Data") : java.nio.file.Path.of(data, "Data");
    }

    private static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }
}
