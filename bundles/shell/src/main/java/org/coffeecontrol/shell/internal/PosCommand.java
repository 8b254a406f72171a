package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "pos", description = "Lists points of sale, filtered by text, client or region")
public class PosCommand extends FilteredListAction {

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        Page<PointOfSale> page = catalog.pointsOfSale(caller, query(lookup, null, null));
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
