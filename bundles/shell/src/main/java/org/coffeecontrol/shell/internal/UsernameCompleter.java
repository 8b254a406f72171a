package org.coffeecontrol.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserAccount;

/** Usernames, described by display name and roles. */
@Service
public class UsernameCompleter extends CatalogCompleter {

    @Override
    List<Candidate> candidates(Caller caller) {
        List<Candidate> out = new ArrayList<>();
        for (UserAccount u : users.users(caller, null, PageRequest.all()).items()) {
            String description = u.displayName() == null ? Output.roles(u.roles())
                    : u.displayName() + ", " + Output.roles(u.roles());
            word(out, u.username(), description);
        }
        return out;
    }
}
