package org.coffeecontrol.tickets.api;

import java.time.YearMonth;
import java.util.List;

/** The preview of a monthly audit run: every visit, and how many of them a run would create. */
public record AuditPlan(YearMonth month, List<PlannedAudit> visits, int toCreate, List<String> warnings) {
    public AuditPlan {
        visits = List.copyOf(visits);
        warnings = List.copyOf(warnings);
    }
}
