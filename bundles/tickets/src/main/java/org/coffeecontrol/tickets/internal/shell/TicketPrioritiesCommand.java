package org.coffeecontrol.tickets.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.PriorityRule;

/** TKT-3 in the shell: the managers' priority rules of the operator queue. */
@Service
@Command(scope = "coffee", name = "ticket-priorities", description = "Priority rules of the operator queue; --add "
        + "NAME --points N [conditions] adds one, --delete ID removes one (MANAGER)")
public class TicketPrioritiesCommand extends TicketAction {

    @Option(name = "--add", description = "Name of a new rule")
    String add;

    @Option(name = "--points", aliases = "-p", description = "Points the rule adds (negative moves tickets down)")
    Integer points;

    @Option(name = "--client", description = "Condition: client ID")
    Long clientId;

    @Option(name = "--category", aliases = "-c", description = "Condition: service category")
    String category;

    @Option(name = "--sla", description = "Condition: SLA level of the POS")
    String sla;

    @Option(name = "--min-age", description = "Condition: waiting at least this many minutes")
    Integer minAgeMinutes;

    @Option(name = "--delete", description = "ID of the rule to remove")
    Long delete;

    @Override
    void run(Caller caller) {
        if (delete != null) {
            tickets.deletePriorityRule(caller, delete);
            out.println("Rule " + delete + " removed");
        }
        if (add != null) {
            if (points == null) {
                throw new ValidationException("points", "is required with --add");
            }
            PriorityRule r = tickets.savePriorityRule(caller, new PriorityRule(null, add, clientId, category, sla,
                    minAgeMinutes, points));
            out.println("Rule " + r.id() + " added: " + r.name() + " (" + r.points() + " points)");
        }
        ShellTable table = new ShellTable().emptyTableText("(no rules: the queue is ordered by arrival)");
        for (String c : new String[] { "ID", "Name", "Client", "Category", "SLA", "Min age", "Points" }) {
            table.column(c);
        }
        for (PriorityRule r : tickets.priorityRules(caller)) {
            table.addRow().addContent(r.id(), r.name(), text(r.clientId()), text(r.category()), text(r.slaLevel()),
                    text(r.minAgeMinutes()), r.points());
        }
        table.print(out, true);
    }
}
