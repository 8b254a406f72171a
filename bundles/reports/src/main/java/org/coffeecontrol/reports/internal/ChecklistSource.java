package org.coffeecontrol.reports.internal;

import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.security.Caller;

/**
 * Completed inspection checklists, as REP-7 needs them. Registered by the tickets adapter only while the tickets
 * bundle is installed, so reports never link against tickets classes otherwise.
 */
public interface ChecklistSource {

    /**
     * One completed checklist: answers counted, and the labels of the failed points.
     */
    record Entry(String ticketNumber, Long posId, Long equipmentId, Instant completedAt, String completedBy, int ok,
            int notOk, int notApplicable, String failedPoints) {
    }

    /** Checklists of tickets the caller may see, completed in [from, to), oldest first. */
    List<Entry> completed(Caller caller, Instant from, Instant to);
}
