package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "user-revoke", description = "Takes away a user's view of one or more clients")
public class UserRevokeCommand extends UserClientsAction {

    @Override
    void change(Caller caller, long clientId) {
        users.revokeClient(caller, username, clientId);
    }

    @Override
    String report(String client) {
        return "Revoked " + client + " from " + username;
    }
}
