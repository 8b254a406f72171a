package org.coffeecontrol.remote.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineAccess;
import org.coffeecontrol.remote.api.RemoteControlService;

@Service
@Command(scope = "coffee", name = "credentials", description = "Shows or sets the SSH login the platform uses for a machine (the password is stored encrypted and never shown)")
public class CredentialsCommand extends RemoteAction {

    @Reference
    RemoteControlService remote;

    @Option(name = "-u", aliases = "--user", description = "SSH user name to store; the password is prompted for")
    String username;

    @Option(name = "-p", aliases = "--password", description = "The password, for scripts without a terminal (it then shows in the shell history)")
    String password;

    @Option(name = "--forget-host-key", description = "Forget the pinned host key (admins; after a controller exchange)")
    boolean forgetHostKey;

    @Argument(index = 0, name = "serial", description = "The machine's serial number", required = true)
    String serial;

    @Override
    void run(Caller caller) throws Exception {
        MachineAccess access;
        if (forgetHostKey) {
            access = remote.forgetHostKey(caller, serial);
        } else if (username != null) {
            char[] secret = password != null ? password.toCharArray() : prompt();
            access = remote.setCredentials(caller, serial, username, secret);
            out.println("Credentials of " + serial + " saved.");
        } else {
            access = remote.access(caller, serial);
        }
        out.println("Machine:      " + access.serial() + " (#" + access.equipmentId() + ") at " + access.host() + ":"
                + access.port());
        out.println("User:         " + (access.username() == null ? "- (none stored)" : access.username()));
        out.println("Password:     " + (access.passwordSet() ? "stored (encrypted)" : "-"));
        if (access.credentialsUpdatedAt() != null) {
            out.println("Changed:      " + access.credentialsUpdatedAt() + " by " + access.credentialsUpdatedBy());
        }
        out.println("Host key:     " + (access.hostKeyFingerprint() == null ? "- (pinned on the next connection)"
                : access.hostKeyFingerprint() + " pinned " + access.hostKeyPinnedAt()));
    }

    private char[] prompt() throws java.io.IOException {
        if (session == null || session.getTerminal() == null) {
            throw new ValidationException("password", "no terminal to prompt on: pass --password");
        }
        String first = session.readLine("Password: ", '*');
        String second = session.readLine("Again: ", '*');
        if (first == null || !first.equals(second)) {
            throw new ValidationException("password", "the two entries differ");
        }
        return first.toCharArray();
    }
}
