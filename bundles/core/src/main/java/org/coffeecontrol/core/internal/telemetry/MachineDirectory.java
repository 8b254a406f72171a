package org.coffeecontrol.core.internal.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * Finds a machine by (family, serial) and checks its secret, with a short cache so that thousands of machines
 * calling home do not each cost a catalogue query. Misses are cached too, briefly, so a storm from unknown
 * machines cannot hammer the database.
 */
final class MachineDirectory {

    record Machine(long id, String family, String secretHash) {
    }

    private record Entry(Machine machine, long loadedAt) {
    }

    private static final long HIT_TTL_NANOS = 30_000_000_000L;
    private static final long MISS_TTL_NANOS = 5_000_000_000L;

    private final DataSource dataSource;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    MachineDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return null when no such machine exists */
    Machine find(String family, String serial) throws SQLException {
        String key = family + '\u0000' + serial;
        Entry e = cache.get(key);
        long now = System.nanoTime();
        if (e != null && now - e.loadedAt() < (e.machine() == null ? MISS_TTL_NANOS : HIT_TTL_NANOS)) {
            return e.machine();
        }
        Machine m = load(family, serial);
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(key, new Entry(m, now));
        return m;
    }

    private Machine load(String family, String serial) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, family, telemetry_secret_hash FROM cc_equipment WHERE family = ? AND serial_number = ?")) {
            ps.setString(1, family);
            ps.setString(2, serial);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Machine(rs.getLong(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    void forget() {
        cache.clear();
    }

    static boolean secretMatches(Machine m, String presented) {
        if (m.secretHash() == null || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(m.secretHash().getBytes(StandardCharsets.US_ASCII),
                MachineSecret.hash(presented).getBytes(StandardCharsets.US_ASCII));
    }
}
