package org.coffeecontrol.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;

/** Changes which clients a user may see, one client at a time so each change is reported. */
abstract class UserClientsAction extends CoffeeAction {

    @Argument(index = 0, name = "username", required = true, description = "Username")
    @Completion(UsernameCompleter.class)
    String username;

    @Argument(index = 1, name = "clients", required = true, multiValued = true, description = "Clients (ID, code or name)")
    @Completion(ClientCompleter.class)
    List<String> clients;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        for (String ref : Arguments.split(clients)) {
            Client c = lookup.client(ref);
            change(caller, c.id());
            output.line(report(Output.named(c.name(), c.id())));
        }
    }

    abstract void change(Caller caller, long clientId);

    abstract String report(String client);
}
