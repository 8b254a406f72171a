package org.coffeecontrol.tickets.internal;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.JournalSource;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.NewJournalEntry;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ticket actions to the monitoring event journal (MON-5 / TKT-8). Only this component touches the
 * monitoring API: without the monitoring bundle it stays unsatisfied and tickets work on without a journal.
 */
@Component(service = TicketJournal.class)
public class MonitoringJournal implements TicketJournal {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringJournal.class);

    private final MonitoringService monitoring;

    @Activate
    public MonitoringJournal(@Reference MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void record(Ticket t, String username, String action) {
        if (t.posId() == null) {
            return; // the journal is kept per machine and POS
        }
        try {
            // the platform writes on behalf of the user: an engineer or manager may act on a ticket without being
            // allowed to type journal entries himself, and the entry names him as the one who worked it
            monitoring.addJournalEntry(Caller.system(), new NewJournalEntry(t.equipmentId(), t.posId(), null,
                    source(t.source()), TicketStore.clip(t.reason(), 500), TicketStore.clip(action, 500),
                    t.number(), t.applicant(), t.createdBy(), username, null, null));
        } catch (RuntimeException e) {
            LOG.warn("Journal entry for ticket {} not written: {}", t.number(), e.getMessage());
        }
    }

    static JournalSource source(TicketSource s) {
        return switch (s) {
            case PRE_TICKET -> JournalSource.CRITICAL_ERROR;
            case EMAIL, EKDS -> JournalSource.EMAIL;
            case INTRASERVICE -> JournalSource.PRE_TICKET;
            case FINDING, AUDIT -> JournalSource.OPERATOR;
            case MANUAL -> JournalSource.PHONE;
        };
    }
}
