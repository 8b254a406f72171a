package org.coffeecontrol.tickets.internal.completeness;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.tickets.api.CompletenessFinding;
import org.coffeecontrol.tickets.api.CompletenessRun;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.internal.Jdbc;

/** Runs and findings of the completeness check. Missing items are stored one per line. */
final class CheckStore {

    private final Jdbc jdbc;

    CheckStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    long start(Instant at, String trigger) {
        return jdbc.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_tkt_check_run (started_at, trigger_by, "
                    + "checked, flagged, sent_back) VALUES (?, ?, 0, 0, 0)", Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.setTime(ps, 1, at);
                ps.setString(2, trigger);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void finding(long runId, CompletenessFinding f) {
        jdbc.tx(c -> Jdbc.update(c, "INSERT INTO cc_tkt_check_finding (run_id, ticket_id, client_id, executor, state, "
                + "missing, sent_back, sent_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", runId, f.ticketId(), f.clientId(),
                f.executor(), f.state(), String.join("\n", f.missing()), f.sentBack(), f.sentTo()));
    }

    void finish(long runId, Instant at, int checked, int flagged, int sentBack) {
        jdbc.tx(c -> Jdbc.update(c, "UPDATE cc_tkt_check_run SET finished_at = ?, checked = ?, flagged = ?, "
                + "sent_back = ? WHERE id = ?", at, checked, flagged, sentBack, runId));
    }

    /** The missing items last sent back for a ticket, to send the same list only once. */
    Optional<String> lastSent(long ticketId) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT missing FROM cc_tkt_check_finding WHERE ticket_id = ? "
                    + "AND sent_back = TRUE ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", List.of(ticketId));
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    List<CompletenessRun> runs(int limit) {
        return jdbc.read(c -> {
            List<CompletenessRun> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, started_at, finished_at, trigger_by, checked, "
                    + "flagged, sent_back FROM cc_tkt_check_run ORDER BY id DESC FETCH FIRST "
                    + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CompletenessRun(rs.getLong(1), Jdbc.time(rs, "started_at"),
                            Jdbc.time(rs, "finished_at"), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)));
                }
            }
            return out;
        });
    }

    List<CompletenessFinding> findings(long runId, java.util.function.LongFunction<String> numbers) {
        return jdbc.read(c -> {
            List<CompletenessFinding> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT id, run_id, ticket_id, client_id, executor, state, "
                    + "missing, sent_back, sent_to FROM cc_tkt_check_finding WHERE run_id = ? ORDER BY id",
                    List.of(runId)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(finding(rs, numbers));
                }
            }
            return out;
        });
    }

    private static CompletenessFinding finding(ResultSet rs, java.util.function.LongFunction<String> numbers)
            throws SQLException {
        long ticketId = rs.getLong(3);
        return new CompletenessFinding(rs.getLong(1), rs.getLong(2), ticketId, numbers.apply(ticketId), rs.getLong(4),
                rs.getString(5), TicketState.valueOf(rs.getString(6)), Arrays.asList(rs.getString(7).split("\n")),
                rs.getBoolean(8), rs.getString(9));
    }
}
