package org.coffeecontrol.core.internal.telemetry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.telemetry.DeadLetter;
import org.coffeecontrol.api.telemetry.IngestResult;

/** Payloads kept byte for byte with the reason they could not be stored as events. */
final class DeadLetterStore {

    private static final String COLUMNS = "id, received_at, family, serial_number, equipment_id, content_type, cause, "
            + "reason, payload_size, payload, state, replayed_at";

    record Stored(DeadLetter letter, byte[] payload) {
    }

    private final DataSource dataSource;

    DeadLetterStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One attempt of a statement that either commits whole or leaves nothing behind. */
    interface Attempt<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code attempt} again when Derby gave up on a lock (40XL1) or picked it as a deadlock victim (40001).
     * Seen under the ingest fuzz: concurrent inserts contend for the identity column's next values, and a payload
     * that a retry a moment later would keep must not become a 503.
     */
    static <T> T retryingLockConflicts(Attempt<T> attempt) throws SQLException {
        for (int tries = 1;; tries++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                boolean conflict = "40XL1".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!conflict || tries == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * tries);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    long keep(String family, String serial, Long equipmentId, String contentType, IngestResult.Status cause,
            String reason, byte[] payload) throws SQLException {
        return retryingLockConflicts(() -> insert(family, serial, equipmentId, contentType, cause, reason, payload));
    }

    private long insert(String family, String serial, Long equipmentId, String contentType, IngestResult.Status cause,
            String reason, byte[] payload) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO cc_dead_letter (received_at, family, "
                        + "serial_number, equipment_id, content_type, cause, reason, payload_size, payload, state) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')", Statement.RETURN_GENERATED_KEYS)) {
            c.setAutoCommit(true);
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, EventSegments.clip(family, 50));
            ps.setString(3, EventSegments.clip(serial, 100));
            if (equipmentId == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, equipmentId);
            }
            ps.setString(5, EventSegments.clip(contentType, 100));
            ps.setString(6, cause.name());
            ps.setString(7, EventSegments.clip(reason, 1000));
            ps.setInt(8, payload.length);
            ps.setBytes(9, payload);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    Page<DeadLetter> list(String family, DeadLetter.State state, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (family != null) {
            where.append(" AND family = ?");
            params.add(family);
        }
        if (state != null) {
            where.append(" AND state = ?");
            params.add(state.name());
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cc_dead_letter" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<DeadLetter> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cc_dead_letter" + where
                    + " ORDER BY id DESC OFFSET " + page.offset() + " ROWS FETCH NEXT " + page.limit() + " ROWS ONLY")) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs).letter());
                    }
                }
            }
            return Page.of(items, total, page);
        }
    }

    /** Oldest first, for replay. */
    List<Long> pendingIds(String family, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM cc_dead_letter WHERE state = 'PENDING'"
                        + (family == null ? "" : " AND family = ?") + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
            if (family != null) {
                ps.setString(1, family);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    Stored get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cc_dead_letter WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    void markReplayed(long id) throws SQLException {
        update("UPDATE cc_dead_letter SET state = 'REPLAYED', replayed_at = ? WHERE id = ?", id, null, null);
    }

    void stillPending(long id, IngestResult.Status cause, String reason) throws SQLException {
        update("UPDATE cc_dead_letter SET cause = ?, reason = ? WHERE id = ?", id, cause.name(), reason);
    }

    private void update(String sql, long id, String cause, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (cause == null) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setLong(2, id);
            } else {
                ps.setString(1, cause);
                ps.setString(2, EventSegments.clip(reason, 1000));
                ps.setLong(3, id);
            }
            ps.executeUpdate();
        }
    }

    int purge(Long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(id == null
                        ? "DELETE FROM cc_dead_letter WHERE state = 'REPLAYED'" : "DELETE FROM cc_dead_letter WHERE id = ?")) {
            if (id != null) {
                ps.setLong(1, id);
            }
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static Stored read(ResultSet rs) throws SQLException {
        byte[] payload = rs.getBytes(10);
        Timestamp replayed = rs.getTimestamp(12);
        long eq = rs.getLong(5);
        Long equipmentId = rs.wasNull() ? null : eq;
        DeadLetter d = new DeadLetter(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                equipmentId, rs.getString(6), IngestResult.Status.valueOf(rs.getString(7)), rs.getString(8),
                rs.getInt(9), preview(payload), DeadLetter.State.valueOf(rs.getString(11)),
                replayed == null ? null : replayed.toInstant());
        return new Stored(d, payload);
    }

    /** The first 200 characters with control characters shown as dots, so binary garbage stays displayable. */
    static String preview(byte[] payload) {
        String s = new String(payload, 0, Math.min(payload.length, 400), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(200).forEach(cp -> sb.appendCodePoint(
                cp == '\n' || cp == '\t' || (cp >= 32 && cp != 0xFFFD && !Character.isISOControl(cp)) ? cp : '.'));
        return sb.toString();
    }
}
