package org.coffeecontrol.tickets.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.tickets.api.Attachment;
import org.coffeecontrol.tickets.api.HistoryEntry;
import org.coffeecontrol.tickets.api.LineKind;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;

/** SQL of the ticket tables. Callers own the transaction and every access check. */
final class TicketStore {

    private static final String COLUMNS = "t.id, t.source, t.external_number, t.created_at, t.created_by, t.category, "
            + "t.state, t.client_id, t.pos_id, t.equipment_id, t.rented_equipment, t.region_id, t.applicant, "
            + "t.applicant_phone, t.reason, t.executor, t.handled_by, t.field_visit, t.planned_end, t.work_start, "
            + "t.work_end, t.result, t.cancel_reason, t.call_recording, t.signed_at, t.updated_at, t.version, "
            + "(SELECT COUNT(*) FROM cc_tkt_line l WHERE l.ticket_id = t.id) AS line_count, "
            + "(SELECT COUNT(*) FROM cc_tkt_attachment a WHERE a.ticket_id = t.id) AS attachment_count";

    private TicketStore() {
    }

    static String number(long id) {
        return String.format(Locale.ROOT, "T%06d", id);
    }

    /** The id behind a number such as {@code T000123} (or a bare id), or -1. */
    static long idOf(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        if (n.startsWith("T")) {
            n = n.substring(1);
        }
        try {
            return Long.parseLong(n);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The values a new ticket is stored with, already validated. */
    record Row(TicketSource source, String externalNumber, Instant createdAt, String createdBy, String category,
            long clientId, Long posId, Long equipmentId, String rentedEquipment, Long regionId, String applicant,
            String applicantPhone, String reason, Instant plannedEnd) {
    }

    static long insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_ticket (source, external_number, "
                + "created_at, created_by, category, state, client_id, pos_id, equipment_id, rented_equipment, "
                + "region_id, applicant, applicant_phone, reason, field_visit, planned_end, updated_at, updated_by, "
                + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.source().name());
            ps.setString(2, r.externalNumber());
            Jdbc.setTime(ps, 3, r.createdAt());
            ps.setString(4, r.createdBy());
            ps.setString(5, r.category());
            ps.setString(6, TicketState.NEW.name());
            ps.setLong(7, r.clientId());
            Jdbc.setLong(ps, 8, r.posId());
            Jdbc.setLong(ps, 9, r.equipmentId());
            ps.setString(10, r.rentedEquipment());
            Jdbc.setLong(ps, 11, r.regionId());
            ps.setString(12, r.applicant());
            ps.setString(13, r.applicantPhone());
            ps.setString(14, r.reason());
            ps.setBoolean(15, r.source() == TicketSource.AUDIT); // a planned visit waits for dispatch, not for an operator
            Jdbc.setTime(ps, 16, r.plannedEnd());
            Jdbc.setTime(ps, 17, r.createdAt());
            ps.setString(18, r.createdBy());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static Ticket find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM cc_tkt_ticket t WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? ticket(rs) : null;
            }
        }
    }

    static Long findExternal(Connection c, TicketSource source, String externalNumber) throws SQLException {
        try (PreparedStatement ps = Jdbc.bind(c,
                "SELECT id FROM cc_tkt_ticket WHERE source = ? AND external_number = ?",
                List.of(source.name(), externalNumber)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** Who changed the ticket last, for the message of a lost race. */
    static String lastEditor(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT updated_by FROM cc_tkt_ticket WHERE id = ?", List.of(id));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * A search restricted to the given clients ({@code null}: all) and, for engineers, their own tickets.
     * The text filter is matched case-insensitively.
     */
    static Page<Ticket> search(Connection c, TicketQuery q, java.util.Set<Long> clients, String onlyExecutor)
            throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (clients != null) {
            if (clients.isEmpty()) {
                return new Page<>(List.of(), 0, q.page().offset(), q.page().limit());
            }
            where.append(" AND t.client_id IN (").append(String.join(", ", clients.stream().map(x -> "?").toList()))
                    .append(')');
            args.addAll(clients);
        }
        if (onlyExecutor != null) {
            where.append(" AND t.executor = ?");
            args.add(onlyExecutor);
        }
        if (!q.states().isEmpty()) {
            where.append(" AND t.state IN (").append(String.join(", ", q.states().stream().map(x -> "?").toList()))
                    .append(')');
            q.states().forEach(s -> args.add(s.name()));
        }
        filter(where, args, "t.source = ?", q.source() == null ? null : q.source().name());
        filter(where, args, "t.client_id = ?", q.clientId());
        filter(where, args, "t.pos_id = ?", q.posId());
        filter(where, args, "t.equipment_id = ?", q.equipmentId());
        filter(where, args, "t.executor = ?", q.executor());
        filter(where, args, "UPPER(t.category) = ?", q.category() == null ? null : q.category().toUpperCase(Locale.ROOT));
        filter(where, args, "t.created_at >= ?", q.createdFrom());
        filter(where, args, "t.created_at < ?", q.createdTo());
        filter(where, args, "t.field_visit = ?", q.fieldVisit());
        if (q.text() != null && !q.text().isBlank()) {
            String text = q.text().strip();
            long id = idOf(text);
            String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            where.append(" AND (t.id = ? OR LOWER(t.external_number) LIKE ? OR LOWER(t.reason) LIKE ? "
                    + "OR LOWER(t.applicant) LIKE ?)");
            args.addAll(List.of(id, like, like, like));
        }
        long total;
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT COUNT(*) FROM cc_tkt_ticket t" + where, args);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        }
        List<Ticket> items = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM cc_tkt_ticket t" + where + " ORDER BY t.created_at DESC, t.id DESC"
                + " OFFSET " + q.page().offset() + " ROWS FETCH NEXT " + q.page().limit() + " ROWS ONLY";
        try (PreparedStatement ps = Jdbc.bind(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(ticket(rs));
            }
        }
        return new Page<>(items, total, q.page().offset(), q.page().limit());
    }

    private static void filter(StringBuilder where, List<Object> args, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            args.add(value);
        }
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Ticket(id, number(id), TicketSource.valueOf(rs.getString("source")),
                rs.getString("external_number"), Jdbc.time(rs, "created_at"), rs.getString("created_by"),
                rs.getString("category"), TicketState.valueOf(rs.getString("state")), rs.getLong("client_id"),
                Jdbc.longOrNull(rs, "pos_id"), Jdbc.longOrNull(rs, "equipment_id"), rs.getString("rented_equipment"),
                Jdbc.longOrNull(rs, "region_id"), rs.getString("applicant"), rs.getString("applicant_phone"),
                rs.getString("reason"), rs.getString("executor"), rs.getString("handled_by"),
                rs.getBoolean("field_visit"), Jdbc.time(rs, "planned_end"), Jdbc.time(rs, "work_start"),
                Jdbc.time(rs, "work_end"), rs.getString("result"), rs.getString("cancel_reason"),
                rs.getString("call_recording"), rs.getInt("line_count"), rs.getInt("attachment_count"),
                rs.getTimestamp("signed_at") != null, Jdbc.time(rs, "updated_at"), rs.getLong("version"));
    }

    /**
     * Writes every mutable column of {@code t} if the stored version is still {@code t.version()}, and bumps it.
     *
     * @return false when somebody else changed the ticket meanwhile
     */
    static boolean write(Connection c, Ticket t, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cc_tkt_ticket SET category = ?, state = ?, "
                + "equipment_id = ?, rented_equipment = ?, applicant = ?, applicant_phone = ?, reason = ?, "
                + "executor = ?, handled_by = ?, field_visit = ?, planned_end = ?, work_start = ?, work_end = ?, "
                + "result = ?, cancel_reason = ?, call_recording = ?, updated_at = ?, updated_by = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?")) {
            ps.setString(1, t.category());
            ps.setString(2, t.state().name());
            Jdbc.setLong(ps, 3, t.equipmentId());
            ps.setString(4, t.rentedEquipment());
            ps.setString(5, t.applicant());
            ps.setString(6, t.applicantPhone());
            ps.setString(7, t.reason());
            ps.setString(8, t.executor());
            ps.setString(9, t.handledBy());
            ps.setBoolean(10, t.fieldVisit());
            Jdbc.setTime(ps, 11, t.plannedEnd());
            Jdbc.setTime(ps, 12, t.workStart());
            Jdbc.setTime(ps, 13, t.workEnd());
            ps.setString(14, t.result());
            ps.setString(15, t.cancelReason());
            ps.setString(16, t.callRecording());
            Jdbc.setTime(ps, 17, now);
            ps.setString(18, by);
            ps.setLong(19, t.id());
            ps.setLong(20, t.version());
            return ps.executeUpdate() == 1;
        }
    }

    /** Bumps the version (lines, files, signature changed) if it is still {@code version}. */
    static boolean touch(Connection c, long id, long version, Instant now, String by) throws SQLException {
        return Jdbc.update(c, "UPDATE cc_tkt_ticket SET updated_at = ?, updated_by = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?", now, by, id, version) == 1;
    }

    static void history(Connection c, long ticketId, Instant at, String user, String action, TicketState from,
            TicketState to, String detail) throws SQLException {
        Jdbc.update(c, "INSERT INTO cc_tkt_history (ticket_id, happened_at, username, action, from_state, to_state, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ticketId, at, user, action, from, to, clip(detail, 2000));
    }

    static List<HistoryEntry> history(Connection c, long ticketId) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT id, happened_at, username, action, from_state, to_state, detail "
                + "FROM cc_tkt_history WHERE ticket_id = ? ORDER BY id", List.of(ticketId));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String from = rs.getString("from_state");
                String to = rs.getString("to_state");
                out.add(new HistoryEntry(rs.getLong("id"), ticketId, Jdbc.time(rs, "happened_at"), rs.getString("username"),
                        rs.getString("action"), from == null ? null : TicketState.valueOf(from),
                        to == null ? null : TicketState.valueOf(to), rs.getString("detail")));
            }
        }
        return out;
    }

    static List<TicketLine> lines(Connection c, long ticketId) throws SQLException {
        List<TicketLine> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT id, kind, article, description, quantity, serial_number, "
                + "warranty FROM cc_tkt_line WHERE ticket_id = ? ORDER BY line_no", List.of(ticketId));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TicketLine(rs.getLong("id"), LineKind.valueOf(rs.getString("kind")),
                        rs.getString("article"), rs.getString("description"),
                        rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getString("serial_number"),
                        rs.getBoolean("warranty")));
            }
        }
        return out;
    }

    static void replaceLines(Connection c, long ticketId, List<TicketLine> lines) throws SQLException {
        Jdbc.update(c, "DELETE FROM cc_tkt_line WHERE ticket_id = ?", ticketId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_line (ticket_id, line_no, kind, article, "
                + "description, quantity, serial_number, warranty) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pos = 0;
            for (TicketLine l : lines) {
                ps.setLong(1, ticketId);
                ps.setInt(2, pos++);
                ps.setString(3, l.kind().name());
                ps.setString(4, l.article());
                ps.setString(5, l.description());
                ps.setBigDecimal(6, l.quantity() == null ? BigDecimal.ONE : l.quantity());
                ps.setString(7, l.serialNumber());
                ps.setBoolean(8, l.warranty());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<Attachment> attachments(Connection c, long ticketId) throws SQLException {
        List<Attachment> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT id, file_name, content_type, size_bytes, uploaded_by, "
                + "uploaded_at FROM cc_tkt_attachment WHERE ticket_id = ? ORDER BY id", List.of(ticketId));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Attachment(rs.getLong("id"), ticketId, rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                        Jdbc.time(rs, "uploaded_at")));
            }
        }
        return out;
    }

    static long insertAttachment(Connection c, long ticketId, String name, String type, byte[] content, String by,
            Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_attachment (ticket_id, file_name, "
                + "content_type, size_bytes, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, ticketId);
            ps.setString(2, name);
            ps.setString(3, type);
            ps.setLong(4, content.length);
            ps.setBytes(5, content);
            ps.setString(6, by);
            Jdbc.setTime(ps, 7, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static byte[] bytes(Connection c, String sql, long id, long ticketId) throws SQLException {
        try (PreparedStatement ps = Jdbc.bind(c, sql, List.of(id, ticketId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
