package org.coffeecontrol.tickets.api;

import java.util.List;

/**
 * A done or closed ticket the completeness check (TKT-7) found incomplete.
 *
 * @param missing   what is missing, one item each (e.g. "work end", "attached files", "line 2: description")
 * @param sentTo    the executor's e-mail address it was sent to, null when it could not be mailed
 */
public record CompletenessFinding(long id, long runId, long ticketId, String ticketNumber, long clientId,
        String executor, TicketState state, List<String> missing, boolean sentBack, String sentTo) {

    public CompletenessFinding {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
