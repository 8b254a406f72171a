package org.coffeecontrol.tickets.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.DispatchAdvice;
import org.coffeecontrol.tickets.api.DispatchService;
import org.coffeecontrol.tickets.api.MechanicCandidate;
import org.coffeecontrol.tickets.api.Ticket;

/** TKT-4 in the shell: the route and the ranked mechanics of a field ticket, and dispatching it to the suggested one. */
@Service
@Command(scope = "coffee", name = "ticket-dispatch", description = "Route, organisation and mechanics of a ticket "
        + "(free first, nearest first); --assign gives it to the suggested or a named mechanic")
public class TicketDispatchCommand extends TicketAction {

    @Reference
    DispatchService dispatch;

    @Argument(index = 0, name = "ticket", required = true, description = "Ticket number or ID")
    String ref;

    @Option(name = "--assign", aliases = "-a", description = "Assign the ticket to the suggested free mechanic")
    boolean assign;

    @Option(name = "--executor", aliases = "-e", description = "Assign to this mechanic instead of the suggested one")
    String executor;

    @Override
    void run(Caller caller) {
        Ticket t = ticket(caller, ref);
        DispatchAdvice advice = dispatch.advise(caller, t.id());
        out.println(t.number() + ": route " + text(advice.route()) + ", organisation " + text(advice.organisation())
                + ", POS mechanic " + text(advice.posMechanic()) + ", suggested " + text(advice.suggested()));
        ShellTable table = new ShellTable().emptyTableText("(no mechanic sees this client)");
        for (String c : new String[] { "Mechanic", "Name", "Km", "Open", "On duty", "Free", "POS's" }) {
            table.column(c);
        }
        for (MechanicCandidate m : advice.candidates()) {
            table.addRow().addContent(m.username(), text(m.displayName()), m.distanceKm() == null ? "-"
                    : String.format(java.util.Locale.ROOT, "%.1f", m.distanceKm()), m.openTickets(), m.onDuty(),
                    m.free(), m.posMechanic());
        }
        table.print(out, true);
        if (!assign && executor == null) {
            return;
        }
        String who = executor != null ? executor : advice.suggested();
        if (who == null) {
            out.println("Nobody is free: name a mechanic with --executor");
            return;
        }
        Ticket after = tickets.assign(caller, t.id(), t.version(), who, null);
        out.println(after.number() + ": " + t.state() + " -> " + after.state() + ", executor " + after.executor());
    }
}
