package org.coffeecontrol.ui.internal.security;

import java.util.Arrays;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;

/**
 * What the UI shows to whom. This only decides what to offer: the services check every call again on the server,
 * so a hidden button is convenience, never the protection.
 */
public final class AccessRules {

    /** Roles that maintain the catalogues (create, edit, delete). */
    private static final Role[] CATALOGUE_EDITORS = { Role.SERVICE_ADMIN };

    private AccessRules() {
    }

    public static boolean mayEnter(Caller caller, Class<?> view) {
        if (view.isAnnotationPresent(PublicView.class)) {
            return true;
        }
        if (caller == null) {
            return false;
        }
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        Allowed allowed = view.getAnnotation(Allowed.class);
        if (allowed == null) {
            return false;
        }
        return allowed.value().length == 0 || Arrays.stream(allowed.value()).anyMatch(caller::has);
    }

    public static boolean mayEditCatalogues(Caller caller) {
        return caller != null && (caller.has(Role.ADMIN) || caller.hasAny(CATALOGUE_EDITORS));
    }
}
