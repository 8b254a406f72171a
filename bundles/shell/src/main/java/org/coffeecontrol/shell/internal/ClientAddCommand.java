package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "client-add", description = "Creates a client")
public class ClientAddCommand extends CoffeeAction {

    @Argument(name = "name", description = "Client name (quote it if it has spaces)", required = true)
    String name;

    @Option(name = "--code", description = "Short unique code")
    String code;

    @Option(name = "--email", description = "Contact e-mail")
    String email;

    @Option(name = "--phone", description = "Contact phone")
    String phone;

    @Option(name = "--notes", description = "Free text")
    String notes;

    @Override
    void run(Caller caller, Output output) {
        Client saved = catalog.saveClient(caller, new Client(null, name, Arguments.optional(code),
                Arguments.optional(email), Arguments.optional(phone), Arguments.optional(notes), 0));
        output.line("Created client " + Output.named(saved.name(), saved.id()));
    }
}
