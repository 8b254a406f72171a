package org.coffeecontrol.monitoring.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalQuery;

@Service
@Command(scope = "coffee", name = "journal", description = "Event journal (MON-5) of a point of sale with its "
        + "machines (-p), or of one machine")
public class JournalCommand extends MonitoringAction {

    @Option(name = "--pos", aliases = "-p", description = "The argument names a point of sale (code, name or ID)")
    boolean isPos;

    @Option(name = "--details", aliases = "-d", description = "Show who sent, who worked it and what was done")
    boolean details;

    @Option(name = "--limit", aliases = "-n", description = "Rows to show (default 50)")
    int limit = 50;

    @Argument(name = "ref", description = "Machine serial or ID; with -p a POS", required = true)
    String ref;

    @Override
    void run(Caller caller) {
        JournalQuery q = isPos ? new JournalQuery(null, pos(caller, ref).id(), PageRequest.first(limit))
                : new JournalQuery(machine(caller, ref).id(), null, PageRequest.first(limit));
        Page<JournalEntry> page = monitoring.journal(caller, q);
        ShellTable table = new ShellTable().emptyTableText("(journal is empty)");
        table.column("ID");
        table.column("Date");
        table.column("Source");
        table.column("Serial");
        table.column("Problem").maxSize(24);
        table.column("Result").maxSize(24);
        table.column("Ticket");
        table.column("Operator");
        table.column("Applicant").maxSize(16);
        for (JournalEntry e : page.items()) {
            String id = e.id() + (e.correctionOf() == null ? "" : " fixes " + e.correctionOf())
                    + (e.correctedBy() == null ? "" : " (corrected)");
            table.addRow().addContent(id, time(e.occurredAt()), e.source(), text(e.serialNumber()), text(e.problem()),
                    text(e.result()), text(e.ticketNumber()), e.operator(), text(e.applicant()));
        }
        table.print(out, true);
        if (details) {
            for (JournalEntry e : page.items()) {
                if (e.sentBy() != null || e.workedBy() != null || e.work() != null) {
                    out.println("#" + e.id() + ": sent by " + text(e.sentBy()) + "; worked by " + text(e.workedBy())
                            + "; done: " + text(e.work()));
                }
            }
        }
        out.println("Entries: " + page.items().size() + " of " + page.total());
    }
}
