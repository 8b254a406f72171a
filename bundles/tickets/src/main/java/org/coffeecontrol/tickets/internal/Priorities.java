package org.coffeecontrol.tickets.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.tickets.api.PriorityRule;
import org.coffeecontrol.tickets.api.Ticket;

/** Managers' priority rules of the operator queue: storage and matching. */
final class Priorities {

    private Priorities() {
    }

    static boolean matches(PriorityRule r, Ticket t, String slaLevel, Instant now) {
        return (r.clientId() == null || r.clientId() == t.clientId())
                && (r.category() == null || r.category().equalsIgnoreCase(t.category()))
                && (r.slaLevel() == null || r.slaLevel().equalsIgnoreCase(slaLevel))
                && (r.minAgeMinutes() == null
                        || Duration.between(t.createdAt(), now).toMinutes() >= r.minAgeMinutes());
    }

    static PriorityRule check(PriorityRule r) {
        if (r == null) {
            throw new ValidationException("rule", "is required");
        }
        String name = TicketServiceImpl.text("name", r.name(), 200, true);
        if (r.minAgeMinutes() != null && r.minAgeMinutes() < 0) {
            throw new ValidationException("minAgeMinutes", "must not be negative");
        }
        if (Math.abs(r.points()) > 10_000) {
            throw new ValidationException("points", "between -10000 and 10000");
        }
        String category = TicketServiceImpl.text("category", r.category(), 50, false);
        return new PriorityRule(r.id(), name, r.clientId(), category,
                TicketServiceImpl.text("slaLevel", r.slaLevel(), 50, false), r.minAgeMinutes(), r.points());
    }

    static List<PriorityRule> list(Connection c) throws SQLException {
        List<PriorityRule> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, name, client_id, category, sla_level, min_age_minutes, points FROM cc_tkt_rule ORDER BY id")) {
            while (rs.next()) {
                out.add(new PriorityRule(rs.getLong("id"), rs.getString("name"), Jdbc.longOrNull(rs, "client_id"),
                        rs.getString("category"), rs.getString("sla_level"), Jdbc.intOrNull(rs, "min_age_minutes"),
                        rs.getInt("points")));
            }
        }
        return out;
    }

    static PriorityRule save(Connection c, PriorityRule r) throws SQLException {
        String sql = r.id() == null
                ? "INSERT INTO cc_tkt_rule (name, client_id, category, sla_level, min_age_minutes, points) "
                        + "VALUES (?, ?, ?, ?, ?, ?)"
                : "UPDATE cc_tkt_rule SET name = ?, client_id = ?, category = ?, sla_level = ?, min_age_minutes = ?, "
                        + "points = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.name());
            Jdbc.setLong(ps, 2, r.clientId());
            ps.setString(3, r.category());
            ps.setString(4, r.slaLevel());
            Jdbc.setInt(ps, 5, r.minAgeMinutes());
            ps.setInt(6, r.points());
            if (r.id() != null) {
                ps.setLong(7, r.id());
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("priority rule", r.id());
                }
                return r;
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new PriorityRule(keys.getLong(1), r.name(), r.clientId(), r.category(), r.slaLevel(),
                        r.minAgeMinutes(), r.points());
            }
        }
    }
}
