package org.coffeecontrol.rest.internal.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;

/** Only what authentication needs: passwords, roles, locks, and a count of (expensive) password checks. */
final class InMemoryUserService implements UserService {

    private record User(String password, Set<Role> roles, boolean locked) {
    }

    private final Map<String, User> users = new HashMap<>();
    int authenticateCalls;

    void put(String username, String password, Role... roles) {
        users.put(username, new User(password, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)), false));
    }

    void lock(String username) {
        User u = users.get(username);
        users.put(username, new User(u.password(), u.roles(), true));
    }

    void setPassword(String username, String password) {
        User u = users.get(username);
        users.put(username, new User(password, u.roles(), u.locked()));
    }

    @Override
    public AuthResult authenticate(String username, char[] password) {
        authenticateCalls++;
        User u = users.get(username);
        if (u == null || !u.password().equals(new String(password))) {
            return AuthResult.failed(AuthResult.Status.BAD_CREDENTIALS, "bad password for " + username);
        }
        if (u.locked()) {
            return AuthResult.failed(AuthResult.Status.LOCKED, username + " is locked");
        }
        return AuthResult.ok(new Caller(username, u.roles(), false, Set.of(1L)));
    }

    @Override
    public Optional<Caller> callerFor(String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<UserAccount> users(Caller caller, String text, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public UserAccount user(Caller caller, String username) {
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
