package org.coffeecontrol.api.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the admin sees it. The password never travels in this record; see
 * {@link UserService#changePassword}.
 *
 * @param lockedUntil set while the account is locked after repeated failed logins
 */
public record UserAccount(Long id, String username, String displayName, String email, String phone,
        Set<Role> roles, boolean allClients, Set<Long> clientIds, boolean enabled, String locale,
        Instant lockedUntil, Instant lastLogin, long version) {

    public UserAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        clientIds = clientIds == null ? Set.of() : Set.copyOf(clientIds);
    }

    public Caller asCaller() {
        return new Caller(username, roles, allClients, clientIds);
    }
}
