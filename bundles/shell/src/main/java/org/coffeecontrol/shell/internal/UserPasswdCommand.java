package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "user-passwd", description = "Resets a user's password (prompted for or generated)")
public class UserPasswdCommand extends CoffeeAction {

    @Argument(name = "username", required = true, description = "Username")
    @Completion(UsernameCompleter.class)
    String username;

    @Option(name = "--generate", aliases = "-g", description = "Generate a password and print it once instead of prompting")
    boolean generate;

    @Override
    void run(Caller caller, Output output) throws Exception {
        // Fails early for an unknown user, before anyone types a password twice.
        users.user(caller, username);
        Passwords.NewPassword password = Passwords.obtain(generate, session, username);
        Passwords.use(password, output, value -> {
            users.changePassword(caller, username, null, value);
            output.line("Password of " + username + " reset");
        });
    }
}
