package org.coffeecontrol.tickets.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketSource;

@Service
@Command(scope = "coffee", name = "ticket-add", description = "Opens a ticket for a point of sale")
public class TicketAddCommand extends TicketAction {

    @Argument(index = 0, name = "posId", required = true, description = "Point of sale ID")
    long posId;

    @Argument(index = 1, name = "reason", required = true, description = "Reason (quote it)")
    String reason;

    @Option(name = "--equipment", aliases = "-e", description = "Equipment ID")
    Long equipmentId;

    @Option(name = "--category", aliases = "-c", description = "Service category (default REPAIR)")
    String category;

    @Option(name = "--source", description = "MANUAL (default), EMAIL, INTRASERVICE, EKDS, FINDING, PRE_TICKET, AUDIT")
    String source;

    @Option(name = "--external", aliases = "-x", description = "External number (unique per source)")
    String external;

    @Option(name = "--applicant", aliases = "-a", description = "Applicant")
    String applicant;

    @Option(name = "--phone", description = "Applicant's phone")
    String phone;

    @Override
    void run(Caller caller) {
        TicketSource src = source == null ? null
                : org.coffeecontrol.tickets.internal.rest.TicketResource.parse(TicketSource.class, "source", source);
        Ticket t = tickets.create(caller, new NewTicket(src, external, category, null, posId, equipmentId, null,
                applicant, phone, reason, null));
        out.println("Opened " + t.number() + " (" + t.state() + ", version " + t.version() + ")");
    }
}
