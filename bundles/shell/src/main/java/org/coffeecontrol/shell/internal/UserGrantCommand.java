package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "user-grant", description = "Lets a user see one or more clients")
public class UserGrantCommand extends UserClientsAction {

    @Override
    void change(Caller caller, long clientId) {
        users.grantClient(caller, username, clientId);
    }

    @Override
    String report(String client) {
        return "Granted " + client + " to " + username;
    }
}
