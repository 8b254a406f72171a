package org.coffeecontrol.shell.internal;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserAccount;

@Service
@Command(scope = "coffee", name = "users", description = "Lists users with their roles and clients")
public class UsersCommand extends ListAction {

    @Override
    void run(Caller caller, Output output) {
        Page<UserAccount> page = users.users(caller, Arguments.optional(text), page());
        Instant now = Instant.now();
        ShellTable table = Output.newTable();
        table.column("Username");
        table.column("Name");
        table.column("Roles");
        table.column("Clients");
        table.column("State");
        for (UserAccount u : page.items()) {
            table.addRow().addContent(Output.cell(u.username(), 14), Output.cell(u.displayName(), 16),
                    Output.cell(Output.roles(u.roles()), 18), Output.cell(clients(u), 8), state(u, now));
        }
        output.table(table);
        output.footer(page, "users");
    }

    static String clients(UserAccount u) {
        return u.allClients() ? "all" : Output.ids(u.clientIds());
    }

    static String state(UserAccount u, Instant now) {
        if (!u.enabled()) {
            return "disabled";
        }
        return u.lockedUntil() != null && u.lockedUntil().isAfter(now) ? "locked" : "active";
    }
}
