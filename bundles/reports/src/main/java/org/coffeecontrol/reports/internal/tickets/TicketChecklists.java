package org.coffeecontrol.reports.internal.tickets;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.internal.ChecklistSource;
import org.coffeecontrol.tickets.api.AuditService;
import org.coffeecontrol.tickets.api.Checklist;
import org.coffeecontrol.tickets.api.ChecklistAnswer;
import org.coffeecontrol.tickets.api.ChecklistItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The only class that knows the tickets API: it exists as a service only while tickets' {@link AuditService} does
 * (the package import is optional), and turns its checklists into REP-7's entries.
 */
@Component(service = ChecklistSource.class)
public class TicketChecklists implements ChecklistSource {

    private final AuditService audits;

    @Activate
    public TicketChecklists(@Reference AuditService audits) {
        this.audits = audits;
    }

    @Override
    public List<Entry> completed(Caller caller, Instant from, Instant to) {
        return audits.completedChecklists(caller, null, from, to).stream().map(TicketChecklists::entry).toList();
    }

    static Entry entry(Checklist c) {
        int ok = 0;
        int notOk = 0;
        int na = 0;
        for (ChecklistItem i : c.items()) {
            if (i.answer() == ChecklistAnswer.OK) {
                ok++;
            } else if (i.answer() == ChecklistAnswer.NOT_OK) {
                notOk++;
            } else if (i.answer() == ChecklistAnswer.NOT_APPLICABLE) {
                na++;
            }
        }
        String failed = c.items().stream().filter(i -> i.answer() == ChecklistAnswer.NOT_OK)
                .map(i -> i.comment() == null || i.comment().isBlank() ? i.label() : i.label() + " (" + i.comment() + ")")
                .collect(Collectors.joining("; "));
        return new Entry(c.ticketNumber(), c.posId(), c.equipmentId(), c.completedAt(), c.completedBy(), ok, notOk, na,
                failed);
    }
}
