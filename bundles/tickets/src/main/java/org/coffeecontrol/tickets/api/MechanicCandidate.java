package org.coffeecontrol.tickets.api;

/**
 * A mechanic considered for a ticket.
 *
 * @param distanceKm   great-circle distance from his home to the POS; null when either has no coordinates
 * @param openTickets  tickets assigned to him and not yet done
 * @param onDuty       within his working hours now
 * @param free         on duty and below his limit of open tickets
 * @param posMechanic  the POS card names him as its service or audit mechanic
 */
public record MechanicCandidate(String username, String displayName, Double distanceKm, int openTickets,
        boolean onDuty, boolean free, boolean posMechanic) {
}
