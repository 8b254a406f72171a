package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "status", description = "Fleet overview: catalogue counts and health checks")
public class StatusCommand extends CoffeeAction {

    // Every HealthCheck service present now; an empty list when no bundle contributes one.
    @Reference
    List<HealthCheck> checks;

    @Override
    void run(Caller caller, Output output) {
        CatalogQuery one = CatalogQuery.all().withPage(PageRequest.first(1));
        output.heading("Coffee Control status (as " + caller.username() + ")");
        output.field("Clients", count(() -> catalog.clients(caller, one).total()));
        output.field("Regions", count(() -> catalog.regions(caller, one).total()));
        output.field("Models", count(() -> catalog.models(caller, one).total()));
        output.field("Points of sale", count(() -> catalog.pointsOfSale(caller, one).total()));
        output.field("Equipment", count(() -> catalog.equipment(caller, one).total()));
        output.field("Users", count(() -> users.users(caller, null, PageRequest.first(1)).total()));
        output.line("");
        output.table(health(checks == null ? List.of() : checks));
    }

    /** A count the caller may not read shows as "-" instead of failing the whole overview. */
    private static String count(Supplier<Long> total) {
        try {
            return String.valueOf(total.get());
        } catch (CoffeeException e) {
            return Output.NONE;
        }
    }

    static ShellTable health(List<HealthCheck> checks) {
        List<HealthCheck> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparing(HealthCheck::name, Comparator.nullsLast(Comparator.naturalOrder())));
        ShellTable table = new ShellTable().emptyTableText("(no health checks registered)");
        table.column("Check");
        table.column("State");
        table.column("Message");
        for (HealthCheck check : sorted) {
            HealthStatus status = probe(check);
            table.addRow().addContent(Output.cell(check.name(), 16), status.state(),
                    Output.cell(status.message(), 50));
        }
        return table;
    }

    /** Checks promise never to throw; one that does anyway must not hide the others. */
    private static HealthStatus probe(HealthCheck check) {
        try {
            HealthStatus status = check.check();
            return status == null ? HealthStatus.down("no answer") : status;
        } catch (RuntimeException e) {
            return HealthStatus.down("check failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
