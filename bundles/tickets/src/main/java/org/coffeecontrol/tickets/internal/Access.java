package org.coffeecontrol.tickets.internal;

import java.util.Set;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.Ticket;

/** Who may see and touch which ticket. */
final class Access {

    static final Role[] READERS = { Role.OPERATOR, Role.SERVICE_ADMIN, Role.ENGINEER, Role.MANAGER, Role.CLIENT,
            Role.TECH_SUPPORT };
    static final Role[] CREATORS = { Role.OPERATOR, Role.SERVICE_ADMIN, Role.CLIENT };
    static final Role[] DESK = { Role.OPERATOR, Role.SERVICE_ADMIN };

    private Access() {
    }

    /** An engineer without any desk role sees only the tickets he executes. */
    static boolean ownTicketsOnly(Caller c) {
        return c.has(Role.ENGINEER) && !c.hasAny(Role.ADMIN, Role.OPERATOR, Role.SERVICE_ADMIN, Role.MANAGER,
                Role.TECH_SUPPORT, Role.CLIENT);
    }

    static boolean canSee(Caller c, Ticket t) {
        return c.canSeeClient(t.clientId()) && (!ownTicketsOnly(c) || c.username().equals(t.executor()));
    }

    /** Other clients' tickets (and foreign tickets of an engineer) look as if they did not exist. */
    static Ticket visible(Caller c, Ticket t, long id) {
        if (t == null || !canSee(c, t)) {
            throw new NotFoundException("ticket", TicketStore.number(id));
        }
        return t;
    }

    /** The client ids a search is limited to, or null for all. */
    static Set<Long> clients(Caller c) {
        return c.allClients() ? null : c.clientIds();
    }

    /** Editing the form, lines, files and signature: the desk and the ticket's executor. */
    static void requireEditor(Caller c, Ticket t, String what) {
        if (!c.username().equals(t.executor())) {
            c.require(what + " of ticket " + t.number(), DESK);
        }
    }
}
