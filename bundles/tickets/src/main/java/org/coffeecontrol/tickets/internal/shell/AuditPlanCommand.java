package org.coffeecontrol.tickets.internal.shell;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.AuditPlan;
import org.coffeecontrol.tickets.api.AuditRequest;
import org.coffeecontrol.tickets.api.AuditRunResult;
import org.coffeecontrol.tickets.api.AuditService;
import org.coffeecontrol.tickets.api.PlannedAudit;

@Service
@Command(scope = "coffee", name = "audit-plan", description = "Monthly audit visits per SLA level: preview, or create with --run")
public class AuditPlanCommand extends TicketAction {

    @Reference
    AuditService audits;

    @Option(name = "--month", aliases = "-m", description = "Month as 2026-12 (default next month)")
    String month;

    @Option(name = "--mechanic", description = "Assign every visit to this engineer instead of the POS's audit mechanic")
    String mechanic;

    @Option(name = "--client", description = "Only this client's points of sale (ID)")
    Long clientId;

    @Option(name = "--run", description = "Create the missing audit tickets (otherwise only preview)")
    boolean run;

    @Override
    void run(Caller caller) {
        YearMonth m;
        try {
            m = month == null ? null : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("month", "'" + month + "' is not a month like 2026-12");
        }
        AuditRequest request = new AuditRequest(m, mechanic, clientId);
        if (run) {
            AuditRunResult r = audits.run(caller, request, (done, total) -> {
                if (done == total || done % 50 == 0) {
                    out.println("  " + done + " / " + total);
                }
            });
            out.println("Audits " + r.month() + ": created " + r.created() + ", already there " + r.skipped());
            return;
        }
        AuditPlan plan = audits.preview(caller, request);
        ShellTable table = new ShellTable().emptyTableText("(no visits)");
        for (String c : new String[] { "POS", "Name", "SLA", "Visit", "Date", "Mechanic", "Ticket" }) {
            table.column(c);
        }
        for (PlannedAudit v : plan.visits()) {
            table.addRow().addContent(v.posId(), v.posName(), text(v.slaLevel()), v.visit(), v.plannedDate(),
                    text(v.mechanic()), v.existingTicket() == null ? "(new)" : v.existingTicket());
        }
        table.print(out, true);
        plan.warnings().forEach(w -> out.println("! " + w));
        out.println("Audits " + plan.month() + ": " + plan.visits().size() + " visits, " + plan.toCreate()
                + " to create (run with --run)");
    }
}
