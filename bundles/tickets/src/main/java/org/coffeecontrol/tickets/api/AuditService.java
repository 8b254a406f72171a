package org.coffeecontrol.tickets.api;

import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Monthly audit planning (TKT-5) and the inspection checklists of audit tickets (read by REP-7). Each POS gets as
 * many visits a month as its SLA level asks for (configured; e.g. {@code A=4, B=2, C=1}, or a plain number).
 */
@ProviderType
public interface AuditService {

    /** What a run would create, without creating anything. SERVICE_ADMIN. */
    AuditPlan preview(Caller caller, AuditRequest request);

    /** Creates the missing audit tickets of the plan; running it again creates nothing new. SERVICE_ADMIN. */
    AuditRunResult run(Caller caller, AuditRequest request, AuditProgress progress);

    /** The checklist of a ticket: saved answers, or the blank template when none are saved yet. */
    Checklist checklist(Caller caller, long ticketId);

    /** Saves answers; {@code complete} marks the checklist done and needs every point answered. */
    Checklist saveChecklist(Caller caller, long ticketId, List<ChecklistItem> items, boolean complete);

    /** Completed checklists of visible tickets, completed in [from, to), oldest first (REP-7). */
    List<Checklist> completedChecklists(Caller caller, Long clientId, Instant from, Instant to);
}
