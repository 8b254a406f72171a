package org.coffeecontrol.monitoring.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;

/** Users by name with their e-mail address: what monitoring asks of UserService. */
final class InMemoryUsers implements UserService {

    final Map<String, UserAccount> accounts = new HashMap<>();

    Caller add(String username, String email, Set<Role> roles, boolean allClients, Set<Long> clients) {
        UserAccount a = new UserAccount((long) accounts.size() + 1, username, username, email, null, roles,
                allClients, clients, true, "en", null, null, 0);
        accounts.put(username, a);
        return a.asCaller();
    }

    @Override
    public Optional<Caller> callerFor(String username) {
        return Optional.ofNullable(accounts.get(username)).map(UserAccount::asCaller);
    }

    @Override
    public UserAccount user(Caller caller, String username) {
        UserAccount a = accounts.get(username);
        if (a == null) {
            throw new NotFoundException("user", username);
        }
        return a;
    }

    @Override
    public AuthResult authenticate(String username, char[] password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<UserAccount> users(Caller caller, String text, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccount save(Caller caller, UserAccount user, char[] initialPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void changePassword(Caller caller, String username, char[] currentPassword, char[] newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void grantClient(Caller caller, String username, long clientId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void revokeClient(Caller caller, String username, long clientId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRoles(Caller caller, String username, Set<Role> roles) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void unlock(Caller caller, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(Caller caller, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setOwnLocale(org.coffeecontrol.api.security.Caller caller, String locale) {
        // locale is not modelled by this test double
    }
}
