package org.coffeecontrol.monitoring.api;

import java.time.Instant;

/**
 * One line of the event journal (MON-5). Entries are never changed: a correction is a new entry whose
 * {@code correctionOf} names the entry it replaces.
 *
 * @param occurredAt   when it happened (the journal's date-time column)
 * @param recordedAt   when it was written
 * @param operator     who wrote it ({@code system} for entries of the platform)
 * @param applicant    who reported the problem
 * @param sentBy       detail: who sent the request
 * @param workedBy     detail: who worked it
 * @param work         detail: what was done
 * @param problemId    the detected problem a system entry is about
 * @param correctionOf the entry this one corrects
 * @param correctedBy  the newest entry correcting this one, if any (derived when reading)
 */
public record JournalEntry(long id, Long equipmentId, String serialNumber, long posId, Instant occurredAt,
        Instant recordedAt, JournalSource source, String problem, String result, String ticketNumber,
        String operator, String applicant, String sentBy, String workedBy, String work, Long problemId,
        Long correctionOf, Long correctedBy) {
}
