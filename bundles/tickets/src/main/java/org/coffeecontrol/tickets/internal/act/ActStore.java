package org.coffeecontrol.tickets.internal.act;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.tickets.api.ActConsumable;
import org.coffeecontrol.tickets.api.ServiceActData;
import org.coffeecontrol.tickets.api.ServiceActUpdate;
import org.coffeecontrol.tickets.internal.Jdbc;

/** The service act tables: one act row per ticket with its consumables and the engineer's drawn signature. */
final class ActStore {

    private final Jdbc jdbc;

    ActStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The act of a ticket, or an empty one (version 0) before its first save. */
    ServiceActData read(long ticketId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT downtime_justification, engineer_name, "
                    + "engineer_signature IS NOT NULL AS signed, customer_name, sent_at, sent_to, version "
                    + "FROM cc_tkt_act WHERE ticket_id = ?", List.of(ticketId)); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new ServiceActData(ticketId, List.of(), null, null, false, null, null, null, 0);
                }
                return new ServiceActData(ticketId, consumables(c, ticketId), rs.getString(1), rs.getString(2),
                        rs.getBoolean(3), rs.getString(4), Jdbc.time(rs, "sent_at"), rs.getString(6), rs.getLong(7));
            }
        });
    }

    private static List<ActConsumable> consumables(java.sql.Connection c, long ticketId) throws java.sql.SQLException {
        List<ActConsumable> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.bind(c, "SELECT name, quantity, unit FROM cc_tkt_act_consumable "
                + "WHERE ticket_id = ? ORDER BY position", List.of(ticketId)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ActConsumable(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getString(3)));
            }
        }
        return out;
    }

    Optional<byte[]> engineerSignature(long ticketId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT engineer_signature FROM cc_tkt_act WHERE ticket_id = ?",
                    List.of(ticketId)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        });
    }

    /** Replaces the act's fields if {@code update.version()} is still current. */
    void save(long ticketId, ServiceActUpdate u) {
        jdbc.tx(c -> {
            long current;
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT version FROM cc_tkt_act WHERE ticket_id = ?",
                    List.of(ticketId)); ResultSet rs = ps.executeQuery()) {
                current = rs.next() ? rs.getLong(1) : 0;
            }
            if (current != u.version()) {
                throw new ConflictException("the service act of this ticket was changed meanwhile (version "
                        + current + ", you edited " + u.version() + "): reload it");
            }
            if (current == 0) {
                Jdbc.update(c, "INSERT INTO cc_tkt_act (ticket_id, downtime_justification, engineer_name, "
                        + "customer_name, version) VALUES (?, ?, ?, ?, 1)", ticketId, u.downtimeJustification(),
                        u.engineerName(), u.customerName());
            } else {
                Jdbc.update(c, "UPDATE cc_tkt_act SET downtime_justification = ?, engineer_name = ?, "
                        + "customer_name = ?, version = version + 1 WHERE ticket_id = ?", u.downtimeJustification(),
                        u.engineerName(), u.customerName(), ticketId);
            }
            if (u.engineerSignaturePng() != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE cc_tkt_act SET engineer_signature = ? "
                        + "WHERE ticket_id = ?")) {
                    // setBytes(null) is a NULL both Derby's BLOB and PostgreSQL's BYTEA accept
                    ps.setBytes(1, u.engineerSignaturePng().length == 0 ? null : u.engineerSignaturePng());
                    ps.setLong(2, ticketId);
                    ps.executeUpdate();
                }
            }
            Jdbc.update(c, "DELETE FROM cc_tkt_act_consumable WHERE ticket_id = ?", ticketId);
            int position = 0;
            for (ActConsumable a : u.consumables() == null ? List.<ActConsumable>of() : u.consumables()) {
                Jdbc.update(c, "INSERT INTO cc_tkt_act_consumable (ticket_id, position, name, quantity, unit) "
                        + "VALUES (?, ?, ?, ?, ?)", ticketId, ++position, a.name().strip(), a.quantity(),
                        a.unit() == null || a.unit().isBlank() ? null : a.unit().strip());
            }
            return null;
        });
    }

    /** Records a delivery; an act never saved gets its row now. */
    void sent(long ticketId, Instant at, String to) {
        jdbc.tx(c -> {
            if (Jdbc.update(c, "UPDATE cc_tkt_act SET sent_at = ?, sent_to = ? WHERE ticket_id = ?", at, to,
                    ticketId) == 0) {
                Jdbc.update(c, "INSERT INTO cc_tkt_act (ticket_id, sent_at, sent_to, version) VALUES (?, ?, ?, 1)",
                        ticketId, at, to);
            }
            return null;
        });
    }

}
