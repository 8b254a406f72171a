package org.coffeecontrol.tickets.api;

import java.time.Instant;

/**
 * One recorded change of a ticket: who, when, what.
 *
 * @param action    CREATED, EDITED, TRANSITION, ASSIGNED, TAKEN, ESCALATED, LINES, ATTACHED, DETACHED, SIGNED,
 *                  CHECKLIST, NOTE
 * @param fromState the state before a transition, else null
 * @param toState   the state after a transition, else null
 */
public record HistoryEntry(long id, long ticketId, Instant at, String username, String action, TicketState fromState,
        TicketState toState, String detail) {
}
