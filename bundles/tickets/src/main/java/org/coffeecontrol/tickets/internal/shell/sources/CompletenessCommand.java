package org.coffeecontrol.tickets.internal.shell.sources;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.CompletenessCheck;
import org.coffeecontrol.tickets.api.CompletenessFinding;
import org.coffeecontrol.tickets.api.CompletenessRun;

/** The completeness check: run it now (--run) and show the findings of the latest (or a given) run. */
@Service
@Command(scope = "coffee", name = "ticket-completeness", description = "Completeness check of finished tickets: "
        + "--run runs it now; shows the findings of the latest run (or --of RUN)")
public class CompletenessCommand extends SourcesAction {

    @Reference
    CompletenessCheck check;

    @Option(name = "--run", description = "Run the check now")
    boolean run;

    @Option(name = "--of", description = "Run whose findings to show (default: the latest)")
    long of;

    @Override
    void run(Caller caller) {
        long runId = of;
        if (run) {
            CompletenessRun r = check.run(caller);
            out.println("Run " + r.id() + ": " + r.checked() + " checked, " + r.flagged() + " incomplete, "
                    + r.sentBack() + " sent back");
            runId = r.id();
        }
        ShellTable table = new ShellTable().emptyTableText("(nothing incomplete)");
        table.column("Ticket");
        table.column("State");
        table.column("Executor");
        table.column("Missing").maxSize(60);
        table.column("Sent to");
        for (CompletenessFinding f : check.findings(caller, runId)) {
            table.addRow().addContent(f.ticketNumber(), f.state(), text(f.executor()), String.join(", ", f.missing()),
                    f.sentBack() ? text(f.sentTo()) + " (sent)" : "already sent");
        }
        table.print(out, true);
    }
}
