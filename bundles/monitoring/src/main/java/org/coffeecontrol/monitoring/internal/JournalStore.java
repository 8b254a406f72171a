package org.coffeecontrol.monitoring.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalSource;

/** The append-only event journal (MON-5): rows are inserted, never updated or deleted. */
final class JournalStore {

    private static final String SELECT = "SELECT j.*, (SELECT MAX(k.id) FROM cc_mon_journal k "
            + "WHERE k.correction_of = j.id) AS corrected_by FROM cc_mon_journal j ";

    private JournalStore() {
    }

    static long insert(Connection c, JournalEntry e, Long clientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_mon_journal (equipment_id, pos_id, client_id, "
                + "occurred_at, recorded_at, source, problem, result, ticket_number, operator, applicant, sent_by, "
                + "worked_by, work_done, problem_id, correction_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Sql.setLong(ps, 1, e.equipmentId());
            ps.setLong(2, e.posId());
            Sql.setLong(ps, 3, clientId);
            ps.setTimestamp(4, Sql.ts(e.occurredAt()));
            ps.setTimestamp(5, Sql.ts(e.recordedAt()));
            ps.setString(6, e.source().name());
            ps.setString(7, Sql.clip(e.problem(), 500));
            ps.setString(8, Sql.clip(e.result(), 500));
            ps.setString(9, e.ticketNumber());
            ps.setString(10, Sql.clip(e.operator(), 100));
            ps.setString(11, Sql.clip(e.applicant(), 200));
            ps.setString(12, Sql.clip(e.sentBy(), 200));
            ps.setString(13, Sql.clip(e.workedBy(), 200));
            ps.setString(14, Sql.clip(e.work(), 2000));
            Sql.setLong(ps, 15, e.problemId());
            Sql.setLong(ps, 16, e.correctionOf());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static JournalEntry find(Connection c, long id, LongFunction<String> serials) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE j.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? entry(rs, serials) : null;
            }
        }
    }

    /** One machine's entries ({@code column} equipment_id) or a POS's, which include its machines' (pos_id). */
    static Page<JournalEntry> list(Connection c, String column, long id, PageRequest page,
            LongFunction<String> serials) throws SQLException {
        long total = Sql.count(c, "SELECT COUNT(*) FROM cc_mon_journal WHERE " + column + " = ?", List.of(id));
        List<JournalEntry> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE j." + column + " = ? "
                + "ORDER BY j.occurred_at DESC, j.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setLong(1, id);
            ps.setInt(2, page.offset());
            ps.setInt(3, page.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(entry(rs, serials));
                }
            }
        }
        return Page.of(items, total, page);
    }

    private static JournalEntry entry(ResultSet rs, LongFunction<String> serials) throws SQLException {
        Long equipmentId = Sql.longOrNull(rs, "equipment_id");
        return new JournalEntry(rs.getLong("id"), equipmentId, equipmentId == null ? null : serials.apply(equipmentId),
                rs.getLong("pos_id"), Sql.instant(rs, "occurred_at"), Sql.instant(rs, "recorded_at"),
                JournalSource.valueOf(rs.getString("source")), rs.getString("problem"), rs.getString("result"),
                rs.getString("ticket_number"), rs.getString("operator"), rs.getString("applicant"),
                rs.getString("sent_by"), rs.getString("worked_by"), rs.getString("work_done"),
                Sql.longOrNull(rs, "problem_id"), Sql.longOrNull(rs, "correction_of"),
                Sql.longOrNull(rs, "corrected_by"));
    }
}
