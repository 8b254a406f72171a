package org.coffeecontrol.tickets.internal.pretickets;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.internal.Jdbc;
import org.coffeecontrol.tickets.internal.sources.SourcesDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Opens the tickets the platform raises itself (pre-tickets from critical problems, operator findings), at most
 * one open ticket per machine and cause: a cause that recurs while its ticket is open gets a note on that ticket
 * instead. Callers are serialised here, so the problem listener and the sweeps cannot both open one.
 */
@Component(service = AutoTickets.class)
public class AutoTickets {

    private final Jdbc jdbc;
    private final TicketService tickets;
    private final Clock clock;

    @Activate
    public AutoTickets(@Reference SourcesDatabase db, @Reference TicketService tickets) {
        this(db, tickets, Clock.systemUTC());
    }

    public AutoTickets(SourcesDatabase db, TicketService tickets, Clock clock) {
        this.jdbc = db.jdbc();
        this.tickets = tickets;
        this.clock = clock;
    }

    /** What to open when none is open yet. */
    public record Request(TicketSource source, String externalNumber, String category, long posId, long equipmentId,
            String cause, Long problemId, String reason) {
    }

    /**
     * @return the ticket opened, or empty when one is already open for that machine and cause (it got a note
     *         when {@code recurrence} is given)
     */
    public synchronized Optional<Ticket> open(Request r, String recurrence) {
        Optional<Ticket> open = openFor(r.equipmentId(), r.cause());
        if (open.isPresent()) {
            if (recurrence != null) {
                tickets.note(Caller.system(), open.get().id(), recurrence);
            }
            return Optional.empty();
        }
        Ticket t;
        try {
            t = tickets.create(Caller.system(), new NewTicket(r.source(), r.externalNumber(), r.category(), null,
                    r.posId(), r.equipmentId(), null, "Coffee Control", null, r.reason(), null));
        } catch (ConflictException sameExternalNumber) {
            // this very problem already has its ticket (seen again after a restart): nothing new to open
            return Optional.empty();
        }
        jdbc.tx(c -> Jdbc.update(c, "INSERT INTO cc_tkt_auto (ticket_id, equipment_id, cause, problem_id, opened_at) "
                + "VALUES (?, ?, ?, ?, ?)", t.id(), r.equipmentId(), r.cause(), r.problemId(), clock.instant()));
        return Optional.of(t);
    }

    /** Adds a note to the open ticket for a machine and cause, if there is one. */
    public void noteOpen(long equipmentId, String cause, String note) {
        openFor(equipmentId, cause).ifPresent(t -> tickets.note(Caller.system(), t.id(), note));
    }

    /** The open ticket for a machine and cause, if any. */
    public Optional<Ticket> openFor(long equipmentId, String cause) {
        for (long id : ticketsFor(equipmentId, cause)) {
            try {
                Ticket t = tickets.get(Caller.system(), id);
                if (t.state().open()) {
                    return Optional.of(t);
                }
            } catch (NotFoundException gone) {
                // deleted with its data: not open
            }
        }
        return Optional.empty();
    }

    private List<Long> ticketsFor(long equipmentId, String cause) {
        return jdbc.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.bind(c, "SELECT ticket_id FROM cc_tkt_auto WHERE equipment_id = ? AND "
                    + "cause = ? ORDER BY ticket_id DESC", List.of(equipmentId, cause));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }
}
