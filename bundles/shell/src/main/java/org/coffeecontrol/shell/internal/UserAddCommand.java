package org.coffeecontrol.shell.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserAccount;

@Service
@Command(scope = "coffee", name = "user-add", description = "Creates a user; the password is prompted for or generated",
        detailedDescription = "Options go before the username.\n"
                + "Example: coffee:user-add --role operator --client ACME --client 7 --generate anna")
public class UserAddCommand extends CoffeeAction {

    @Argument(name = "username", required = true, description = "Login name")
    String username;

    @Option(name = "--role", aliases = "-r", multiValued = true, required = true,
            description = "Role, repeatable or comma-separated: admin, operator, tech-support, service-admin, "
                    + "engineer, manager, finance, client")
    @Completion(RoleCompleter.class)
    List<String> roles;

    @Option(name = "--client", aliases = "-c", multiValued = true, description = "Client the user may see (ID, code or name), repeatable")
    @Completion(ClientCompleter.class)
    List<String> clients;

    @Option(name = "--all-clients", description = "The user sees every client (monitoring-centre staff)")
    boolean allClients;

    @Option(name = "--name", description = "Display name")
    String displayName;

    @Option(name = "--email", description = "E-mail")
    String email;

    @Option(name = "--phone", description = "Phone")
    String phone;

    @Option(name = "--locale", description = "UI language, e.g. en or ru")
    String locale;

    @Option(name = "--generate", aliases = "-g", description = "Generate a password and print it once instead of prompting")
    boolean generate;

    @Override
    void run(Caller caller, Output output) throws Exception {
        if (Arguments.optional(username) == null) {
            throw new ValidationException("username", "must not be empty");
        }
        CatalogLookup lookup = lookup(caller);
        Set<Long> clientIds = new LinkedHashSet<>();
        for (String ref : Arguments.split(clients)) {
            clientIds.add(lookup.client(ref).id());
        }
        UserAccount account = new UserAccount(null, username.strip(), Arguments.optional(displayName),
                Arguments.optional(email), Arguments.optional(phone), Arguments.roles(roles), allClients, clientIds,
                true, Arguments.optional(locale), null, null, 0);
        Passwords.NewPassword password = Passwords.obtain(generate, session, account.username());
        Passwords.use(password, output, value -> {
            UserAccount saved = users.save(caller, account, value);
            output.line("Created user " + saved.username() + " (" + Output.roles(saved.roles()) + "; clients "
                    + UsersCommand.clients(saved) + ")");
        });
    }
}
