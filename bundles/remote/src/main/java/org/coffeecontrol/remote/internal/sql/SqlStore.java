package org.coffeecontrol.remote.internal.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.SqlLogEntry;
import org.coffeecontrol.remote.api.StoredQuery;
import org.coffeecontrol.remote.internal.db.Jdbc;

/** Stored queries and the SQL log. */
final class SqlStore {

    private final Jdbc jdbc;

    SqlStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredQuery> queries() {
        return jdbc.list("SELECT * FROM cc_remote_stored_query ORDER BY name", SqlStore::query);
    }

    Optional<StoredQuery> query(long id) {
        return jdbc.one("SELECT * FROM cc_remote_stored_query WHERE id = ?", SqlStore::query, id);
    }

    StoredQuery insert(StoredQuery q, String by) {
        long id = jdbc.insert("INSERT INTO cc_remote_stored_query (name, description, sql_text, created_by, version) "
                + "VALUES (?, ?, ?, ?, 0)", q.name(), q.description(), q.sql(), by);
        return query(id).orElseThrow();
    }

    StoredQuery update(StoredQuery q) {
        int n = jdbc.update("UPDATE cc_remote_stored_query SET name = ?, description = ?, sql_text = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?", q.name(), q.description(), q.sql(), q.id(),
                q.version());
        if (n == 0) {
            throw new ConflictException("stored query " + q.id() + " was changed by someone else meanwhile; reload and retry");
        }
        return query(q.id()).orElseThrow();
    }

    boolean delete(long id) {
        return jdbc.update("DELETE FROM cc_remote_stored_query WHERE id = ?", id) > 0;
    }

    long log(long equipmentId, String serial, String username, Instant startedAt, String sql, Long queryId,
            long millis, Outcome outcome, Integer rows, String message) {
        return jdbc.insert("INSERT INTO cc_remote_sql_log (equipment_id, serial_number, username, started_at, sql_text, "
                + "stored_query_id, duration_ms, outcome, row_count, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                equipmentId, serial, username, startedAt, Jdbc.clip(sql, 4000),
                queryId == null ? new Jdbc.Null(Types.BIGINT) : queryId, millis, outcome.name(),
                rows == null ? new Jdbc.Null(Types.INTEGER) : rows, Jdbc.clip(message, 2000));
    }

    Page<SqlLogEntry> log(long equipmentId, PageRequest page) {
        long total = jdbc.count("SELECT COUNT(*) FROM cc_remote_sql_log WHERE equipment_id = ?", equipmentId);
        return Page.of(jdbc.list("SELECT * FROM cc_remote_sql_log WHERE equipment_id = ? ORDER BY id DESC OFFSET "
                + page.offset() + " ROWS FETCH NEXT " + page.limit() + " ROWS ONLY", SqlStore::entry, equipmentId),
                total, page);
    }

    private static StoredQuery query(ResultSet rs) throws SQLException {
        return new StoredQuery(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("sql_text"), rs.getString("created_by"), rs.getLong("version"));
    }

    private static SqlLogEntry entry(ResultSet rs) throws SQLException {
        return new SqlLogEntry(rs.getLong("id"), rs.getLong("equipment_id"), rs.getString("serial_number"),
                rs.getString("username"), Jdbc.instant(rs, "started_at"), rs.getString("sql_text"),
                Jdbc.longOrNull(rs, "stored_query_id"), rs.getLong("duration_ms"),
                Outcome.valueOf(rs.getString("outcome")), Jdbc.integer(rs, "row_count"), rs.getString("message"));
    }
}
