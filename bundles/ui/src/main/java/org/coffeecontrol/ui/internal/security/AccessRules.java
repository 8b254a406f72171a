package org.coffeecontrol.ui.internal.security;

import java.util.Arrays;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;

/**
 * What the UI shows to whom. This only decides what to offer: the services check every call again on the server,
 * so a hidden button is convenience, never the protection.
 */
public final class AccessRules {

    /**
     * Roles that maintain clients, regions and models. Mirrors core's CatalogServiceImpl.MASTER_DATA_EDITORS: a
     * button the server would refuse is a dead end for the user.
     */
    private static final Role[] MASTER_DATA_EDITORS = { Role.SERVICE_ADMIN };
    /** Roles that maintain points of sale and equipment; mirrors core's CatalogServiceImpl.SITE_EDITORS. */
    private static final Role[] SITE_EDITORS = { Role.SERVICE_ADMIN, Role.TECH_SUPPORT };

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

    /** Clients, regions, equipment models. */
    public static boolean mayEditMasterData(Caller caller) {
        return holds(caller, MASTER_DATA_EDITORS);
    }

    /** Points of sale and equipment. */
    public static boolean mayEditSites(Caller caller) {
        return holds(caller, SITE_EDITORS);
    }

    private static boolean holds(Caller caller, Role... roles) {
        return caller != null && (caller.has(Role.ADMIN) || caller.hasAny(roles));
    }
}
