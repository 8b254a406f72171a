package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "clients", description = "Lists the clients you may see")
public class ClientsCommand extends ListAction {

    @Override
    void run(Caller caller, Output output) {
        Page<Client> page = catalog.clients(caller, CatalogQuery.text(text).withPage(page()));
        ShellTable table = Output.newTable();
        table.column("ID").alignRight();
        table.column("Code");
        table.column("Name");
        table.column("Phone");
        table.column("Email");
        for (Client c : page.items()) {
            table.addRow().addContent(c.id(), Output.cell(c.code(), 10), Output.cell(c.name(), 26),
                    Output.cell(c.phone(), 16), Output.cell(c.email(), 10));
        }
        output.table(table);
        output.footer(page, "clients");
    }
}
