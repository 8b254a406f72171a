package org.coffeecontrol.tickets.internal.intraservice;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.tickets.internal.Jdbc;

/** Which Intraservice task each linked ticket is, the status last exchanged, and where the last pull stopped. */
final class LinkStore {

    /** IN: the ticket came from the task; OUT: the task was made from the ticket. */
    record Link(long ticketId, long taskId, String direction, Integer statusId) {
    }

    private final Jdbc jdbc;

    LinkStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> byTask(long taskId) {
        return one("SELECT ticket_id, task_id, direction, status_id FROM cc_tkt_is_link WHERE task_id = ?", taskId);
    }

    Optional<Link> byTicket(long ticketId) {
        return one("SELECT ticket_id, task_id, direction, status_id FROM cc_tkt_is_link WHERE ticket_id = ?",
                ticketId);
    }

    List<Link> all() {
        return jdbc.read(c -> {
            List<Link> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, task_id, direction, status_id FROM "
                    + "cc_tkt_is_link ORDER BY ticket_id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(link(rs));
                }
            }
            return out;
        });
    }

    void link(long ticketId, long taskId, String direction, Integer statusId, Instant at) {
        jdbc.tx(c -> Jdbc.update(c, "INSERT INTO cc_tkt_is_link (ticket_id, task_id, direction, status_id, synced_at) "
                + "VALUES (?, ?, ?, ?, ?)", ticketId, taskId, direction, statusId, at));
    }

    void status(long ticketId, int statusId, Instant at) {
        jdbc.tx(c -> Jdbc.update(c, "UPDATE cc_tkt_is_link SET status_id = ?, synced_at = ? WHERE ticket_id = ?",
                statusId, at, ticketId));
    }

    Optional<LocalDateTime> cursor() {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT changed_after FROM cc_tkt_is_cursor WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? Optional.of(rs.getTimestamp(1).toLocalDateTime())
                        : Optional.empty();
            }
        });
    }

    void cursor(LocalDateTime changedAfter) {
        jdbc.tx(c -> {
            java.sql.Timestamp ts = java.sql.Timestamp.valueOf(changedAfter);
            try (PreparedStatement up = c.prepareStatement("UPDATE cc_tkt_is_cursor SET changed_after = ? WHERE id = 1")) {
                up.setTimestamp(1, ts);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement("INSERT INTO cc_tkt_is_cursor (id, changed_after) "
                            + "VALUES (1, ?)")) {
                        in.setTimestamp(1, ts);
                        in.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private Optional<Link> one(String sql, long id) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, sql, List.of(id)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(link(rs)) : Optional.empty();
            }
        });
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), Jdbc.intOrNull(rs, "status_id"));
    }
}
