package org.coffeecontrol.tickets.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketState;

import static org.coffeecontrol.tickets.api.TicketState.ASSIGNED;
import static org.coffeecontrol.tickets.api.TicketState.CANCELLED;
import static org.coffeecontrol.tickets.api.TicketState.CLOSED;
import static org.coffeecontrol.tickets.api.TicketState.DONE;
import static org.coffeecontrol.tickets.api.TicketState.IN_PROGRESS;
import static org.coffeecontrol.tickets.api.TicketState.NEW;

/**
 * Which plain state changes exist and who may make them. Taking, escalating, assigning and remote resolution have
 * their own calls (and checks) in the service; this table covers {@code transition}.
 */
final class StateMachine {

    /** Reached only through the dedicated calls, named in the refusal so that a client knows what to use. */
    private static final Map<TicketState, String> DEDICATED = Map.of(ASSIGNED, "assign", CLOSED, "resolve");

    private static final Map<TicketState, Set<TicketState>> NEXT = Map.of(
            NEW, EnumSet.of(CANCELLED),
            ASSIGNED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(DONE, CANCELLED),
            DONE, EnumSet.of(CLOSED, IN_PROGRESS),
            CLOSED, EnumSet.of(IN_PROGRESS),
            CANCELLED, EnumSet.noneOf(TicketState.class));

    private StateMachine() {
    }

    static Set<TicketState> next(TicketState from) {
        return NEXT.get(from);
    }

    /** Throws a ConflictException for a step that does not exist, AccessDenied for a role that may not take it. */
    static void check(Caller caller, Ticket t, TicketState to) {
        TicketState from = t.state();
        if (!NEXT.get(from).contains(to)) {
            String allowed = NEXT.get(from).stream().map(Enum::name).collect(Collectors.joining(", "));
            String hint = from == NEW && DEDICATED.containsKey(to) ? " (use " + DEDICATED.get(to) + ")" : "";
            throw new ConflictException("ticket " + t.number() + " is " + from + " and cannot move to " + to + hint
                    + "; allowed: " + (allowed.isEmpty() ? "none, the ticket is final" : allowed));
        }
        boolean executor = caller.username().equals(t.executor());
        String action = "move ticket " + t.number() + " from " + from + " to " + to;
        switch (to) {
            case CANCELLED -> caller.require(action, Role.OPERATOR, Role.SERVICE_ADMIN);
            case CLOSED -> caller.require(action, Role.OPERATOR, Role.SERVICE_ADMIN);
            case IN_PROGRESS, DONE -> {
                if (from == DONE || from == CLOSED) {
                    // sending back for correction is the service administrator's check, not the executor's
                    caller.require(action, Role.SERVICE_ADMIN);
                } else if (!executor) {
                    caller.require(action + " (not its executor)", Role.SERVICE_ADMIN);
                }
            }
            default -> throw new AccessDeniedException(caller.username() + " may not " + action);
        }
    }

    /** A reason is required to cancel and to send a finished ticket back. */
    static boolean needsReason(TicketState from, TicketState to) {
        return to == CANCELLED || (to == IN_PROGRESS && (from == DONE || from == CLOSED));
    }
}
