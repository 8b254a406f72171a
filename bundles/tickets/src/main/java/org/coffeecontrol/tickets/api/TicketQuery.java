package org.coffeecontrol.tickets.api;

import java.time.Instant;
import java.util.Set;

import org.coffeecontrol.api.PageRequest;

/**
 * Ticket search, newest first. Every filter is optional.
 *
 * @param text          part of number, external number, reason or applicant
 * @param states        any of these states; empty means all
 * @param executor      assigned to this username
 * @param createdFrom   created at or after
 * @param createdTo     created before
 * @param fieldVisit    only escalated (true) or only not escalated (false) tickets
 */
public record TicketQuery(String text, Set<TicketState> states, TicketSource source, Long clientId, Long posId,
        Long equipmentId, String executor, String category, Instant createdFrom, Instant createdTo,
        Boolean fieldVisit, PageRequest page) {

    public TicketQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        page = page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page;
    }

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static TicketQuery inStates(Set<TicketState> states) {
        return new TicketQuery(null, states, null, null, null, null, null, null, null, null, null, PageRequest.all());
    }

    public TicketQuery withExecutor(String username) {
        return new TicketQuery(text, states, source, clientId, posId, equipmentId, username, category, createdFrom,
                createdTo, fieldVisit, page);
    }

    public TicketQuery withPage(PageRequest p) {
        return new TicketQuery(text, states, source, clientId, posId, equipmentId, executor, category, createdFrom,
                createdTo, fieldVisit, p);
    }
}
