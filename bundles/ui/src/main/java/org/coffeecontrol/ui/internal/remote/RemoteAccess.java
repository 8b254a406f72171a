package org.coffeecontrol.ui.internal.remote;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;

/**
 * Which parts of the remote page to offer, mirroring the remote bundle's default roles
 * ({@code etc/org.coffeecontrol.remote.cfg}). Only what to show: the remote services check every call.
 */
final class RemoteAccess {

    private RemoteAccess() {
    }

    static boolean mayUseSql(Caller caller) {
        return holds(caller, Role.TECH_SUPPORT);
    }

    static boolean mayWriteRecipes(Caller caller) {
        return holds(caller, Role.TECH_SUPPORT);
    }

    static boolean mayEditCards(Caller caller) {
        return holds(caller, Role.TECH_SUPPORT, Role.SERVICE_ADMIN);
    }

    static boolean mayEditScreen(Caller caller) {
        return holds(caller, Role.TECH_SUPPORT);
    }

    private static boolean holds(Caller caller, Role... roles) {
        return caller.has(Role.ADMIN) || caller.hasAny(roles);
    }
}
