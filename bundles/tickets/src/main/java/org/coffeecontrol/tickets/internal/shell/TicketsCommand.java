package org.coffeecontrol.tickets.internal.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.QueueItem;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketState;

@Service
@Command(scope = "coffee", name = "tickets", description = "Tickets, newest first; --queue shows the operator queue by priority")
public class TicketsCommand extends TicketAction {

    @Option(name = "--queue", aliases = "-q", description = "The operator queue (priority, then arrival)")
    boolean queue;

    @Option(name = "--mine", description = "Only tickets I execute")
    boolean mine;

    @Option(name = "--state", aliases = "-s", description = "Only this state (NEW, ASSIGNED, IN_PROGRESS, DONE, CLOSED, CANCELLED)")
    String state;

    @Option(name = "--text", aliases = "-t", description = "Number, external number, reason or applicant contains")
    String text;

    @Option(name = "--limit", aliases = "-n", description = "Rows to show (default 50)")
    int limit = 50;

    @Override
    void run(Caller caller) {
        ShellTable table = new ShellTable().emptyTableText("(no tickets)");
        for (String c : List.of("Number", "Prio", "State", "Source", "Category", "POS", "Executor", "Created")) {
            table.column(c);
        }
        table.column("Reason").maxSize(40);
        if (queue) {
            for (QueueItem q : tickets.queue(caller)) {
                row(table, q.ticket(), String.valueOf(q.priority()));
            }
            table.print(out, true);
            return;
        }
        TicketQuery q = new TicketQuery(text, state == null ? null
                : EnumSet.of(TicketState.valueOf(state.strip().toUpperCase(Locale.ROOT))), null, null, null, null,
                mine ? caller.username() : null, null, null, null, null, new PageRequest(0, limit));
        Page<Ticket> page = tickets.search(caller, q);
        page.items().forEach(t -> row(table, t, "-"));
        table.print(out, true);
        out.println("Tickets: " + page.items().size() + " of " + page.total());
    }

    private static void row(ShellTable table, Ticket t, String prio) {
        table.addRow().addContent(t.number(), prio, t.state() + (t.fieldVisit() ? " (visit)" : ""), t.source(),
                t.category(), text(t.posId()), text(t.executor()), time(t.createdAt()), t.reason());
    }
}
