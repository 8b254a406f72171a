package org.coffeecontrol.monitoring.api;

import java.time.Instant;

/**
 * What an operator types to add a journal entry. Give {@code equipmentId} for a machine's entry or only
 * {@code posId} for one about the whole point of sale; {@code occurredAt} defaults to now.
 */
public record NewJournalEntry(Long equipmentId, Long posId, Instant occurredAt, JournalSource source, String problem,
        String result, String ticketNumber, String applicant, String sentBy, String workedBy, String work,
        Long correctionOf) {
}
