package org.coffeecontrol.tickets.api;

import java.time.YearMonth;
import java.util.List;

/** What one audit run did: tickets created and visits skipped because their ticket already existed. */
public record AuditRunResult(YearMonth month, int created, int skipped, List<String> ticketNumbers) {
    public AuditRunResult {
        ticketNumbers = List.copyOf(ticketNumbers);
    }
}
