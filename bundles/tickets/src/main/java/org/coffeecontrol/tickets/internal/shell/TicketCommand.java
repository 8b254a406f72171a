package org.coffeecontrol.tickets.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.HistoryEntry;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;

@Service
@Command(scope = "coffee", name = "ticket", description = "One ticket with its lines, files and history")
public class TicketCommand extends TicketAction {

    @Argument(index = 0, name = "ticket", required = true, description = "Ticket number (T000012) or ID")
    String ref;

    @Override
    void run(Caller caller) {
        Ticket t = ticket(caller, ref);
        out.printf("%s  %s  %s%s  (version %d)%n", t.number(), t.state(), t.category(),
                t.fieldVisit() ? ", field visit" : "", t.version());
        out.printf("Source: %s %s, created %s by %s%n", t.source(), text(t.externalNumber()), time(t.createdAt()),
                t.createdBy());
        out.printf("Client %d, POS %s, equipment %s, rented: %s, region %s%n", t.clientId(), text(t.posId()),
                text(t.equipmentId()), text(t.rentedEquipment()), text(t.regionId()));
        out.printf("Applicant: %s %s%n", text(t.applicant()), text(t.applicantPhone()));
        out.printf("Reason: %s%n", t.reason());
        out.printf("Executor: %s, operator: %s, planned end %s, work %s .. %s%n", text(t.executor()),
                text(t.handledBy()), time(t.plannedEnd()), time(t.workStart()), time(t.workEnd()));
        if (t.result() != null || t.cancelReason() != null) {
            out.printf("Result: %s%s%n", text(t.result()), t.cancelReason() == null ? "" : ", cancelled: " + t.cancelReason());
        }
        out.printf("Signed: %s, files: %d%n", t.signed() ? "yes" : "no", t.attachmentCount());
        for (TicketLine l : tickets.lines(caller, t.id())) {
            out.printf("  %-4s %-12s %-30s x%s %s%s%n", l.kind(), text(l.article()), text(l.description()),
                    l.quantity().toPlainString(), l.serialNumber() == null ? "" : "SN " + l.serialNumber(),
                    l.warranty() ? " (warranty)" : "");
        }
        out.println("History:");
        for (HistoryEntry h : tickets.history(caller, t.id())) {
            out.printf("  %s %-10s %-11s %s%s%n", time(h.at()), h.username(), h.action(),
                    h.toState() == null ? "" : h.fromState() + " -> " + h.toState() + " ", text(h.detail()));
        }
    }
}
