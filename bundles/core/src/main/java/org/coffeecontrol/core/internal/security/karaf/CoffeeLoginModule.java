package org.coffeecontrol.core.internal.security.karaf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.coffeecontrol.api.security.AuthResult;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;

/**
 * Lets platform admins into the Karaf shell (SSH, JMX) with their Coffee Control password; everyone else is
 * refused. JAAS instantiates this class itself, so {@link CoffeeJaasRealm} hands the UserService over in the
 * module options.
 */
public class CoffeeLoginModule implements LoginModule {

    static final String USER_SERVICE_OPTION = "coffee.userService";
    /** Karaf roles a platform admin gets: full shell access. */
    static final List<String> KARAF_ROLES = List.of("admin", "manager", "viewer", "systembus", "ssh");

    private Subject subject;
    private CallbackHandler handler;
    private UserService users;
    private String username;
    private final List<java.security.Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        this.users = (UserService) options.get(USER_SERVICE_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (users == null) {
            throw new LoginException("Coffee Control user service is not available");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] { name, password });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read credentials: " + e.getMessage());
        }
        char[] pw = password.getPassword();
        if (pw == null) {
            // public-key attempts come without a password; let other modules (if any) decide
            throw new FailedLoginException("password required");
        }
        AuthResult result = users.authenticate(name.getName(), pw);
        password.clearPassword();
        if (!result.isOk()) {
            throw new FailedLoginException(result.status() == AuthResult.Status.LOCKED
                    ? "account locked after repeated failures" : "invalid username or password");
        }
        if (!result.caller().has(Role.ADMIN)) {
            throw new FailedLoginException("only Coffee Control administrators may use the Karaf shell");
        }
        username = result.caller().username();
        principals.clear();
        principals.add(new UserPrincipal(username));
        KARAF_ROLES.forEach(r -> principals.add(new RolePrincipal(r)));
        return true;
    }

    @Override
    public boolean commit() {
        if (username == null) {
            return false;
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        username = null;
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        username = null;
        return true;
    }
}
