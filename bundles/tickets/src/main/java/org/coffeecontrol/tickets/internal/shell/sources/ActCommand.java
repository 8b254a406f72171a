package org.coffeecontrol.tickets.internal.shell.sources;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.ActDelivery;
import org.coffeecontrol.tickets.api.ActConsumable;
import org.coffeecontrol.tickets.api.ServiceActData;
import org.coffeecontrol.tickets.api.ServiceActs;

/** The service act of a ticket: show it, write its PDF to a file, or e-mail it to the POS. */
@Service
@Command(scope = "coffee", name = "ticket-act", description = "Service act of a ticket: shows it; --pdf FILE writes "
        + "the PDF, --send e-mails it to the point of sale")
public class ActCommand extends SourcesAction {

    @Reference
    ServiceActs acts;

    @Argument(index = 0, name = "ticket", description = "Ticket number (T000042) or id", required = true)
    String ticket;

    @Option(name = "--pdf", description = "Write the PDF to this file")
    String pdf;

    @Option(name = "--send", description = "E-mail the act to the POS's address")
    boolean send;

    @Override
    void run(Caller caller) throws Exception {
        long id = ticket(caller, ticket);
        if (pdf != null) {
            Path file = Path.of(pdf);
            Files.write(file, acts.pdf(caller, id));
            out.println("Written " + file.toAbsolutePath());
        }
        if (send) {
            ActDelivery d = acts.send(caller, id);
            out.println("Sent to " + d.to() + " at " + time(d.sentAt()));
        }
        if (pdf == null && !send) {
            ServiceActData a = acts.act(caller, id);
            out.println("Downtime justification: " + text(a.downtimeJustification()));
            out.println("Engineer: " + text(a.engineerName()) + (a.engineerSigned() ? " (signed)" : ""));
            out.println("POS representative: " + text(a.customerName()));
            for (ActConsumable c : a.consumables()) {
                out.println("  " + c.name() + "  " + c.quantity().toPlainString() + " " + text(c.unit()));
            }
            out.println(a.sentTo() == null ? "Not sent yet" : "Sent to " + a.sentTo() + " at " + time(a.sentAt()));
        }
    }
}
