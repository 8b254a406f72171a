package org.coffeecontrol.tickets.api;

import java.time.Instant;

/**
 * A service ticket (TKT-1) with the fields of the manual's ticket form. Lines, files, signature and history are read
 * separately ({@link TicketService#lines}, {@link TicketService#attachments}, {@link TicketService#signature},
 * {@link TicketService#history}); {@code lineCount}, {@code attachmentCount} and {@code signed} tell whether there
 * are any.
 *
 * @param number          the platform's number, e.g. {@code T000123}
 * @param externalNumber  the number in the source system (helpdesk, mail thread); unique per source
 * @param category        service category, e.g. REPAIR, MAINTENANCE, AUDIT, REMOTE, INSTALLATION (free text)
 * @param clientId        always set; taken from the POS when the ticket has one
 * @param rentedEquipment rented equipment at the POS the ticket concerns (free text, e.g. a grinder's serial)
 * @param executor        username of the engineer or operator who works the ticket
 * @param handledBy       username of the operator who took it from the queue, null while untaken
 * @param fieldVisit      true once escalated to a field visit (waits for dispatch)
 * @param result          what was done / why it was closed
 * @param cancelReason    set when cancelled
 * @param callRecording   link to a call recording (TKT-9), URL or file name
 * @param version         optimistic lock: every change increments it; pass it back to change the ticket
 */
public record Ticket(long id, String number, TicketSource source, String externalNumber, Instant createdAt,
        String createdBy, String category, TicketState state, long clientId, Long posId, Long equipmentId,
        String rentedEquipment, Long regionId, String applicant, String applicantPhone, String reason,
        String executor, String handledBy, boolean fieldVisit, Instant plannedEnd, Instant workStart,
        Instant workEnd, String result, String cancelReason, String callRecording, int lineCount,
        int attachmentCount, boolean signed, Instant updatedAt, long version) {
}
