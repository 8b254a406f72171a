package org.coffeecontrol.monitoring.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemQuery;

@Service
@Command(scope = "coffee", name = "problems", description = "Detected problems, newest first (open ones unless --all)")
public class ProblemsCommand extends MonitoringAction {

    @Option(name = "--all", aliases = "-a", description = "Closed problems too")
    boolean all;

    @Option(name = "--pos", aliases = "-p", description = "Only this point of sale (code, name or ID)")
    String pos;

    @Option(name = "--machine", aliases = "-m", description = "Only this machine (serial or ID)")
    String machine;

    @Option(name = "--limit", aliases = "-n", description = "Rows to show (default 50)")
    int limit = 50;

    @Option(name = "--offset", description = "Rows to skip")
    int offset;

    @Override
    void run(Caller caller) {
        Long posId = pos == null ? null : pos(caller, pos).id();
        Long equipmentId = machine == null ? null : machine(caller, machine).id();
        Page<Problem> page = monitoring.problems(caller, new ProblemQuery(null, posId, equipmentId, !all,
                new PageRequest(offset, limit)));
        ShellTable table = new ShellTable().emptyTableText("(no problems)");
        table.column("ID");
        table.column("Serial");
        table.column("POS");
        table.column("Kind");
        table.column("Since");
        table.column("Lasted");
        table.column("Text").maxSize(30);
        Instant now = Instant.now();
        for (Problem p : page.items()) {
            table.addRow().addContent(p.id(), text(p.serialNumber()), text(p.posId()), p.kind(), time(p.start()),
                    MachineCommand.minutes(p.duration(now)) + (p.open() ? " (open)" : ""), text(p.text()));
        }
        table.print(out, true);
        out.println("Problems: " + page.items().size() + " of " + page.total());
    }
}
