package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "user-unlock", description = "Lifts the lockout after repeated failed logins")
public class UserUnlockCommand extends CoffeeAction {

    @Argument(name = "username", required = true, description = "Username")
    @Completion(UsernameCompleter.class)
    String username;

    @Override
    void run(Caller caller, Output output) {
        users.unlock(caller, username);
        output.line("Unlocked " + username);
    }
}
