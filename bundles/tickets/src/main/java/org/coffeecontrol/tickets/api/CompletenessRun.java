package org.coffeecontrol.tickets.api;

import java.time.Instant;

/**
 * One run of the completeness check (TKT-7).
 *
 * @param trigger   SCHEDULED or the username who ran it
 * @param checked   done and closed tickets looked at
 * @param flagged   of those, with something missing
 * @param sentBack  of those, sent back to their executor (by e-mail and a note; a done ticket also back to work)
 */
public record CompletenessRun(long id, Instant startedAt, Instant finishedAt, String trigger, int checked,
        int flagged, int sentBack) {
}
