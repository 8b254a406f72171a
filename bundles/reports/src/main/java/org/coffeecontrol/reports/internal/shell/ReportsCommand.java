package org.coffeecontrol.reports.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.ReportDefinition;

@Service
@Command(scope = "coffee", name = "reports", description = "Lists the reports you may run (run one with coffee:report <id>)")
public class ReportsCommand extends ReportAction {

    @Override
    void run(Caller caller) {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Title");
        table.column("Period");
        table.column("Groupings").maxSize(50);
        table.column("Filters").maxSize(40);
        for (ReportDefinition d : reports.definitions(caller)) {
            table.addRow().addContent(d.id(), d.title(), d.periodKind(), d.groupings().isEmpty() ? "-" : d.groupings(),
                    d.filters());
        }
        table.print(out, true);
    }
}
