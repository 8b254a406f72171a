package org.coffeecontrol.api.security;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** Users in the database, their roles, the clients they may see, their hashed passwords. */
@ProviderType
public interface UserService {

    /** Checks the password; repeated failures lock the account for a while. Never throws for bad input. */
    AuthResult authenticate(String username, char[] password);

    /** The caller for a username that was authenticated elsewhere (e.g. a UI session), or empty. */
    java.util.Optional<Caller> callerFor(String username);

    Page<UserAccount> users(Caller caller, String text, PageRequest page);

    UserAccount user(Caller caller, String username);

    /** Creates (id null) or updates a user; admin only. A new user gets {@code initialPassword}. */
    UserAccount save(Caller caller, UserAccount user, char[] initialPassword);

    /** Admins reset anyone's password; every user may change their own given the current one. */
    void changePassword(Caller caller, String username, char[] currentPassword, char[] newPassword);

    void grantClient(Caller caller, String username, long clientId);

    void revokeClient(Caller caller, String username, long clientId);

    void setRoles(Caller caller, String username, java.util.Set<Role> roles);

    /** Any user sets their own UI language ({@code ru} or {@code en}). */
    void setOwnLocale(Caller caller, String locale);

    /** Lifts a login lockout. */
    void unlock(Caller caller, String username);

    void delete(Caller caller, String username);
}
