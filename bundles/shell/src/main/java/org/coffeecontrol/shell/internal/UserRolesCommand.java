package org.coffeecontrol.shell.internal;

import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;

@Service
@Command(scope = "coffee", name = "user-roles", description = "Shows a user's roles, or replaces them with the given ones",
        detailedDescription = "coffee:user-roles anna            shows anna's roles\n"
                + "coffee:user-roles anna operator manager   anna now holds exactly these two")
public class UserRolesCommand extends CoffeeAction {

    @Argument(index = 0, name = "username", required = true, description = "Username")
    @Completion(UsernameCompleter.class)
    String username;

    @Argument(index = 1, name = "roles", multiValued = true, description = "The complete new set of roles")
    @Completion(RoleCompleter.class)
    List<String> roles;

    @Override
    void run(Caller caller, Output output) {
        if (roles == null || roles.isEmpty()) {
            output.line(username + ": " + Output.roles(users.user(caller, username).roles()));
            return;
        }
        Set<Role> wanted = Arguments.roles(roles);
        if (wanted.isEmpty()) {
            throw new ValidationException("role", "give at least one role");
        }
        users.setRoles(caller, username, wanted);
        output.line(username + ": " + Output.roles(users.user(caller, username).roles()));
    }
}
