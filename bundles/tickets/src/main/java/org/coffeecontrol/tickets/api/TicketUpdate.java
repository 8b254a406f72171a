package org.coffeecontrol.tickets.api;

import java.time.Instant;

/**
 * The editable fields of the ticket form, all replaced at once (null clears, except {@code category} and
 * {@code reason}, which stay required). State, executor and lines have their own calls.
 *
 * @param version the version the editor read; a stale one fails with a ConflictException
 */
public record TicketUpdate(String category, Long equipmentId, String rentedEquipment, String applicant,
        String applicantPhone, String reason, Instant plannedEnd, Instant workStart, Instant workEnd, String result,
        String callRecording, long version) {

    /** The update that leaves every field of {@code t} as it is. */
    public static TicketUpdate of(Ticket t) {
        return new TicketUpdate(t.category(), t.equipmentId(), t.rentedEquipment(), t.applicant(),
                t.applicantPhone(), t.reason(), t.plannedEnd(), t.workStart(), t.workEnd(), t.result(),
                t.callRecording(), t.version());
    }
}
