package org.coffeecontrol.tickets.api;

/**
 * A manager's rule that moves tickets up the operator queue (TKT-3). A rule matches a ticket when every condition it
 * sets matches (unset conditions match anything); a ticket's priority is the sum of the {@code points} of the rules
 * matching it. The queue is ordered by priority, then by arrival.
 *
 * @param clientId      tickets of this client
 * @param category      tickets of this service category (case-insensitive)
 * @param slaLevel      tickets of points of sale with this SLA level (case-insensitive)
 * @param minAgeMinutes tickets waiting at least this long
 * @param points        added to the priority; negative values move tickets down
 */
public record PriorityRule(Long id, String name, Long clientId, String category, String slaLevel,
        Integer minAgeMinutes, int points) {
}
