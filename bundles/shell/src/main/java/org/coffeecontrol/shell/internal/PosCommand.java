package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "pos", description = "Lists points of sale, filtered by text, client or region")
public class PosCommand extends ListAction {

    @Argument(name = "text", description = "Part of a name, code or address")
    String text;

    @Option(name = "--client", aliases = "-c", description = "Only this client (ID, code or name)")
    @Completion(ClientCompleter.class)
    String client;

    @Option(name = "--region", aliases = "-r", description = "Only this region (ID, code or name)")
    @Completion(RegionCompleter.class)
    String region;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        CatalogQuery query = new CatalogQuery(text, lookup.clientId(Arguments.optional(client)),
                lookup.regionId(Arguments.optional(region)), null, null, page());
        Page<PointOfSale> page = catalog.pointsOfSale(caller, query);
        ShellTable table = Output.newTable();
        table.column("ID").alignRight();
        table.column("Code");
        table.column("Name");
        table.column("Client");
        table.column("Region");
        for (PointOfSale p : page.items()) {
            table.addRow().addContent(p.id(), Output.cell(p.code(), 10), Output.cell(p.name(), 24),
                    Output.cell(lookup.clientName(p.clientId()), 14), Output.cell(lookup.regionName(p.regionId()), 12));
        }
        output.table(table);
        output.footer(page, "points of sale");
    }
}
