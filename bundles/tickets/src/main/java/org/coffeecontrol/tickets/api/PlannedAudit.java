package org.coffeecontrol.tickets.api;

import java.time.LocalDate;

/**
 * One audit visit of the monthly plan.
 *
 * @param visit          1-based number of the visit of this POS in the month
 * @param existingTicket number of the audit ticket already created for this visit, null when the run will create it
 */
public record PlannedAudit(long posId, String posName, long clientId, String slaLevel, int visit,
        LocalDate plannedDate, String mechanic, String existingTicket) {
}
