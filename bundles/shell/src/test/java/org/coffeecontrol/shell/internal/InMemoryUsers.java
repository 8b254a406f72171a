package org.coffeecontrol.shell.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;

/** Users with plain-text passwords in memory; admin-only management as the real service enforces it. */
final class InMemoryUsers implements UserService {

    private final Map<String, UserAccount> accounts = new TreeMap<>();
    private final Map<String, String> passwords = new TreeMap<>();
    private long nextId = 1;

    UserAccount put(String username, Set<Role> roles, Set<Long> clientIds) {
        UserAccount a = new UserAccount(nextId++, username, null, null, null, roles, false, clientIds, true, null,
                null, null, 1);
        accounts.put(username, a);
        return a;
    }

    void lock(String username, java.time.Instant until) {
        UserAccount a = accounts.get(username);
        accounts.put(username, new UserAccount(a.id(), a.username(), a.displayName(), a.email(), a.phone(),
                a.roles(), a.allClients(), a.clientIds(), a.enabled(), a.locale(), until, a.lastLogin(), a.version()));
    }

    @Override
    public AuthResult authenticate(String username, char[] password) {
        UserAccount a = accounts.get(username);
        if (a == null || !new String(password).equals(passwords.get(username))) {
            return AuthResult.failed(AuthResult.Status.BAD_CREDENTIALS, "no match");
        }
        return AuthResult.ok(a.asCaller());
    }

    @Override
    public Optional<Caller> callerFor(String username) {
        return Optional.ofNullable(accounts.get(username)).map(UserAccount::asCaller);
    }

    @Override
    public Page<UserAccount> users(Caller caller, String text, PageRequest page) {
        caller.require("list users");
        List<UserAccount> all = accounts.values().stream()
                .filter(a -> text == null || a.username().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))
                .toList();
        int from = Math.min(page.offset(), all.size());
        return Page.of(all.subList(from, Math.min(from + page.limit(), all.size())), all.size(), page);
    }

    @Override
    public UserAccount user(Caller caller, String username) {
        caller.require("read users");
        UserAccount a = accounts.get(username);
        if (a == null) {
            throw new NotFoundException("User", username);
        }
        return a;
    }

    @Override
    public UserAccount save(Caller caller, UserAccount user, char[] initialPassword) {
        caller.require("create users");
        if (accounts.containsKey(user.username())) {
            throw new ConflictException("user " + user.username() + " exists");
        }
        if (initialPassword == null || initialPassword.length < 8) {
            throw new ValidationException("password", "must have at least 8 characters");
        }
        UserAccount saved = new UserAccount(nextId++, user.username(), user.displayName(), user.email(),
                user.phone(), user.roles(), user.allClients(), user.clientIds(), true, user.locale(), null, null, 1);
        accounts.put(saved.username(), saved);
        passwords.put(saved.username(), new String(initialPassword));
        return saved;
    }

    @Override
    public void changePassword(Caller caller, String username, char[] currentPassword, char[] newPassword) {
        caller.require("reset passwords");
        user(caller, username);
        if (newPassword.length < 8) {
            throw new ValidationException("password", "must have at least 8 characters");
        }
        passwords.put(username, new String(newPassword));
    }

    @Override
    public void grantClient(Caller caller, String username, long clientId) {
        UserAccount a = user(caller, username);
        Set<Long> ids = new HashSet<>(a.clientIds());
        ids.add(clientId);
        replace(a, a.roles(), ids);
    }

    @Override
    public void revokeClient(Caller caller, String username, long clientId) {
        UserAccount a = user(caller, username);
        Set<Long> ids = new HashSet<>(a.clientIds());
        ids.remove(clientId);
        replace(a, a.roles(), ids);
    }

    @Override
    public void setRoles(Caller caller, String username, Set<Role> roles) {
        UserAccount a = user(caller, username);
        replace(a, roles, a.clientIds());
    }

    private void replace(UserAccount a, Set<Role> roles, Set<Long> clientIds) {
        accounts.put(a.username(), new UserAccount(a.id(), a.username(), a.displayName(), a.email(), a.phone(),
                roles, a.allClients(), clientIds, a.enabled(), a.locale(), a.lockedUntil(), a.lastLogin(),
                a.version() + 1));
    }

    @Override
    public void unlock(Caller caller, String username) {
        user(caller, username);
        lock(username, null);
    }

    @Override
    public void delete(Caller caller, String username) {
        user(caller, username);
        accounts.remove(username);
    }

    @Override
    public void setOwnLocale(org.coffeecontrol.api.security.Caller caller, String locale) {
        // locale is not modelled by this test double
    }
}
