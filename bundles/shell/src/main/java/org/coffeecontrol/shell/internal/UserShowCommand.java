package org.coffeecontrol.shell.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserAccount;

@Service
@Command(scope = "coffee", name = "user", description = "Shows one user")
public class UserShowCommand extends CoffeeAction {

    @Argument(name = "username", required = true, description = "Username")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    void run(Caller caller, Output output) {
        UserAccount u = users.user(caller, username);
        CatalogLookup lookup = lookup(caller);
        output.heading("User " + u.username());
        output.field("Name", u.displayName());
        output.field("Email", u.email());
        output.field("Phone", u.phone());
        output.field("Roles", Output.roles(u.roles()));
        if (u.allClients()) {
            output.field("Clients", "all");
        } else {
            output.field("Clients", u.clientIds().isEmpty() ? null
                    : String.join(", ", u.clientIds().stream().sorted().map(id -> Output.named(lookup.clientName(id), id)).toList()));
        }
        output.field("State", UsersCommand.state(u, Instant.now()));
        output.field("Locked until", u.lockedUntil());
        output.field("Last login", u.lastLogin());
        output.field("Locale", u.locale());
    }
}
