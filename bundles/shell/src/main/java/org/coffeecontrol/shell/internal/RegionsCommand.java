package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "regions", description = "Lists regions")
public class RegionsCommand extends ListAction {

    @Override
    void run(Caller caller, Output output) {
        Page<Region> page = catalog.regions(caller, CatalogQuery.text(text).withPage(page()));
        ShellTable table = Output.newTable();
        table.column("ID").alignRight();
        table.column("Code");
        table.column("Name");
        for (Region r : page.items()) {
            table.addRow().addContent(r.id(), Output.cell(r.code(), 12), Output.cell(r.name(), 50));
        }
        output.table(table);
        output.footer(page, "regions");
    }
}
