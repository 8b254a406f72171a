package org.coffeecontrol.tickets.api;

import java.time.Instant;

/**
 * What is needed to open a ticket. Give {@code posId} (client and region follow from it) or at least
 * {@code clientId}; {@code equipmentId} must stand at that POS. {@code source} defaults to MANUAL and
 * {@code category} to REPAIR. {@code externalNumber} is unique within its source: a second ticket with the same one
 * fails with a ConflictException (see {@link TicketService#findByExternal} to check first).
 */
public record NewTicket(TicketSource source, String externalNumber, String category, Long clientId, Long posId,
        Long equipmentId, String rentedEquipment, String applicant, String applicantPhone, String reason,
        Instant plannedEnd) {

    /** A manual repair ticket for a POS. */
    public static NewTicket manual(long posId, Long equipmentId, String reason) {
        return new NewTicket(TicketSource.MANUAL, null, null, null, posId, equipmentId, null, null, null, reason,
                null);
    }
}
