package org.coffeecontrol.remote.internal.deferred;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coffeecontrol.remote.api.DeferredQuery;
import org.coffeecontrol.remote.api.DeferredState;
import org.coffeecontrol.remote.internal.db.Jdbc;
import org.coffeecontrol.remote.internal.sql.SqlOutput;

/** {@code cc_remote_deferred_sql}: one row per query file, from placed to answered. */
final class DeferredStore {

    static final int RESULT_COLUMN = 32000;

    /** A row as stored; the result stays raw text until someone reads it. */
    record Row(long id, long equipmentId, String serial, String fileName, String fastId, String sql,
            DeferredState state, String createdBy, Instant createdAt, Instant deliveredAt, int deliveries,
            Instant completedAt, String result, String message) {

        DeferredQuery toQuery(int maxRows) {
            SqlOutput.Table t = state == DeferredState.DONE && result != null ? SqlOutput.parse(result, maxRows)
                    : new SqlOutput.Table(List.of(), List.of(), false, null);
            return new DeferredQuery(id, serial, fileName, fastId, sql, state, createdBy, createdAt, deliveredAt,
                    deliveries, completedAt, t.columns(), t.rows(), t.truncated(), t.rowsAffected(), message);
        }
    }

    private final Jdbc jdbc;

    DeferredStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long equipmentId, String serial, String fileName, DeferredFile file, DeferredState state,
            String createdBy, String message) {
        return jdbc.insert("INSERT INTO cc_remote_deferred_sql (equipment_id, serial_number, file_name, fast_id, "
                + "sql_text, state, created_by, created_at, deliveries, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                equipmentId, serial, Jdbc.clip(fileName, 255), file == null ? null : file.fastId(),
                file == null ? null : file.sql(), state.name(), createdBy, Instant.now(), Jdbc.clip(message, 2000));
    }

    List<Row> forMachine(long equipmentId) {
        return jdbc.list("SELECT * FROM cc_remote_deferred_sql WHERE equipment_id = ? ORDER BY id DESC",
                DeferredStore::read, equipmentId);
    }

    /** File names of the machine's files still waiting in the folder (registered, not yet handed out). */
    Set<String> pendingFiles(long equipmentId) {
        return Set.copyOf(jdbc.list("SELECT file_name FROM cc_remote_deferred_sql WHERE equipment_id = ? AND state = ?",
                rs -> rs.getString(1), equipmentId, DeferredState.PENDING.name()));
    }

    /** PENDING ones, and DELIVERED ones last handed out before {@code redeliverBefore}: what goes out at a poll. */
    List<Row> due(long equipmentId, Instant redeliverBefore) {
        return jdbc.list("SELECT * FROM cc_remote_deferred_sql WHERE equipment_id = ? AND (state = ? OR (state = ? "
                + "AND delivered_at < ?)) ORDER BY id", DeferredStore::read, equipmentId, DeferredState.PENDING.name(),
                DeferredState.DELIVERED.name(), redeliverBefore);
    }

    /** Machines with files registered but not answered; loaded once so that polls of the others cost no query. */
    Set<Long> machinesWithOpenQueries() {
        return Set.copyOf(jdbc.list("SELECT DISTINCT equipment_id FROM cc_remote_deferred_sql WHERE state IN (?, ?)",
                rs -> rs.getLong(1), DeferredState.PENDING.name(), DeferredState.DELIVERED.name()));
    }

    boolean hasOpen(long equipmentId) {
        return jdbc.count("SELECT COUNT(*) FROM cc_remote_deferred_sql WHERE equipment_id = ? AND state IN (?, ?)",
                equipmentId, DeferredState.PENDING.name(), DeferredState.DELIVERED.name()) > 0;
    }

    void delivered(long id, Instant at) {
        jdbc.update("UPDATE cc_remote_deferred_sql SET state = ?, delivered_at = ?, deliveries = deliveries + 1 "
                + "WHERE id = ?", DeferredState.DELIVERED.name(), at, id);
    }

    Optional<Row> get(long id) {
        return jdbc.one("SELECT * FROM cc_remote_deferred_sql WHERE id = ?", DeferredStore::read, id);
    }

    /** Stores the machine's answer once; a repeated upload of the same job changes nothing. */
    boolean complete(long id, long equipmentId, boolean succeeded, String result, String message) {
        return jdbc.update("UPDATE cc_remote_deferred_sql SET state = ?, completed_at = ?, result_text = ?, message = ? "
                + "WHERE id = ? AND equipment_id = ? AND state IN (?, ?)",
                (succeeded ? DeferredState.DONE : DeferredState.FAILED).name(), Instant.now(),
                Jdbc.clip(result, RESULT_COLUMN), Jdbc.clip(message, 2000), id, equipmentId,
                DeferredState.PENDING.name(), DeferredState.DELIVERED.name()) == 1;
    }

    private static Row read(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("equipment_id"), rs.getString("serial_number"),
                rs.getString("file_name"), rs.getString("fast_id"), rs.getString("sql_text"),
                DeferredState.valueOf(rs.getString("state")), rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "delivered_at"), rs.getInt("deliveries"),
                Jdbc.instant(rs, "completed_at"), rs.getString("result_text"), rs.getString("message"));
    }
}
