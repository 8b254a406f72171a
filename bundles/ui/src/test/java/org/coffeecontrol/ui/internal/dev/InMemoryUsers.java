package org.coffeecontrol.ui.internal.dev;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;

/** Users for the dev server: plain-text passwords, a lockout after three failures. Test code only. */
public final class InMemoryUsers implements UserService {

    private record Entry(Caller caller, String password) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, String> locales = new ConcurrentHashMap<>();

    public InMemoryUsers add(String username, String password, Set<Role> roles, Set<Long> clients) {
        users.put(username, new Entry(new Caller(username, roles, false, clients), password));
        return this;
    }

    @Override
    public AuthResult authenticate(String username, char[] password) {
        Entry e = users.get(username);
        if (failures.getOrDefault(username, 0) >= 3) {
            return AuthResult.failed(AuthResult.Status.LOCKED, "locked");
        }
        if (e == null || !Arrays.equals(e.password().toCharArray(), password)) {
            failures.merge(username, 1, Integer::sum);
            return AuthResult.failed(AuthResult.Status.BAD_CREDENTIALS, "bad credentials");
        }
        failures.remove(username);
        return AuthResult.ok(e.caller());
    }

    @Override
    public Optional<Caller> callerFor(String username) {
        return Optional.ofNullable(users.get(username)).map(Entry::caller);
    }

    @Override
    public Page<UserAccount> users(Caller caller, String text, PageRequest page) {
        throw new UnsupportedOperationException("not needed by the UI yet");
    }

    @Override
    public UserAccount user(Caller caller, String username) {
        if (!caller.username().equals(username)) {
            caller.require("see other users");
        }
        Entry e = users.get(username);
        if (e == null) {
            throw new NotFoundException("user", username);
        }
        Caller c = e.caller();
        return new UserAccount(null, username, null, null, null, c.roles(), c.allClients(), c.clientIds(), true,
                locales.get(username), null, null, 0);
    }

    @Override
    public UserAccount save(Caller caller, UserAccount user, char[] initialPassword) {
        throw new UnsupportedOperationException("not needed by the UI yet");
    }

    @Override
    public void changePassword(Caller caller, String username, char[] currentPassword, char[] newPassword) {
        throw new UnsupportedOperationException("not needed by the UI yet");
    }

    @Override
    public void grantClient(Caller caller, String username, long clientId) {
        throw new UnsupportedOperationException("not needed by the UI yet");
    }

    @Override
    public void revokeClient(Caller caller, String username, long clientId) {
        throw new UnsupportedOperationException("not needed by the UI yet");
    }

    @Override
    public void setRoles(Caller caller, String username, Set<Role> roles) {
        throw new UnsupportedOperationException("not needed by the UI yet");
    }

    @Override
    public void unlock(Caller caller, String username) {
        failures.remove(username);
    }

    @Override
    public void delete(Caller caller, String username) {
        users.remove(username);
    }

    @Override
    public void setOwnLocale(Caller caller, String locale) {
        if (!"ru".equals(locale) && !"en".equals(locale)) {
            throw new ValidationException("locale", "must be ru or en");
        }
        locales.put(caller.username(), locale);
    }
}
