package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "client", description = "Shows one client with its POS and equipment counts")
public class ClientShowCommand extends CoffeeAction {

    @Argument(name = "client", description = "Client ID, code or name", required = true)
    @Completion(ClientCompleter.class)
    String client;

    @Override
    void run(Caller caller, Output output) {
        Client c = lookup(caller).client(client);
        CatalogQuery ofClient = new CatalogQuery(null, c.id(), null, null, null, PageRequest.first(1));
        output.heading("Client #" + c.id() + " " + Output.text(c.name()));
        output.field("Code", c.code());
        output.field("Email", c.email());
        output.field("Phone", c.phone());
        output.field("Notes", c.notes());
        output.field("Points of sale", catalog.pointsOfSale(caller, ofClient).total());
        output.field("Equipment", catalog.equipment(caller, ofClient).total());
    }
}
