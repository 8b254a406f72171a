package org.coffeecontrol.rest.internal.users;

import java.util.Set;

import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;

/** Body of {@code POST /api/users}: the account plus its initial password, which UserAccount never carries. */
public record NewUser(String username, String displayName, String email, String phone, Set<Role> roles,
        boolean allClients, Set<Long> clientIds, Boolean enabled, String locale, String password) {

    UserAccount toAccount() {
        return new UserAccount(null, username, displayName, email, phone, roles, allClients, clientIds,
                enabled == null || enabled, locale, null, null, 0);
    }
}
