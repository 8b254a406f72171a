package org.coffeecontrol.ui.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.catalog.ClientsView;
import org.coffeecontrol.ui.internal.catalog.PosView;
import org.coffeecontrol.ui.internal.views.LoginView;
import org.coffeecontrol.ui.internal.views.MainView;
import org.coffeecontrol.ui.internal.web.Routes;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    static class Unannotated {
    }

    private static Caller caller(Role role) {
        return new Caller("u", EnumSet.of(role), false, Set.of());
    }

    @Test
    void everyRouteDeclaresWhoMayEnterIt() {
        for (Class<?> route : Routes.ALL) {
            assertTrue(route.isAnnotationPresent(Allowed.class) || route.isAnnotationPresent(PublicView.class),
                    route + " has neither @Allowed nor @PublicView");
        }
    }

    @Test
    void onlyPublicViewsAdmitAnonymousUsers() {
        assertTrue(AccessRules.mayEnter(null, LoginView.class));
        assertFalse(AccessRules.mayEnter(null, MainView.class));
    }

    @Test
    void rolesDecideAndAdminPassesEverything() {
        assertTrue(AccessRules.mayEnter(caller(Role.CLIENT), PosView.class));
        assertFalse(AccessRules.mayEnter(caller(Role.CLIENT), ClientsView.class));
        assertTrue(AccessRules.mayEnter(caller(Role.FINANCE), MainView.class));
        assertTrue(AccessRules.mayEnter(caller(Role.ADMIN), ClientsView.class));
    }

    @Test
    void aViewWithoutAnnotationIsClosedToAllButAdmins() {
        assertFalse(AccessRules.mayEnter(caller(Role.OPERATOR), Unannotated.class));
        assertTrue(AccessRules.mayEnter(caller(Role.ADMIN), Unannotated.class));
    }

    @Test
    void masterDataIsEditedByServiceAdminsAndAdminsOnly() {
        assertTrue(AccessRules.mayEditMasterData(caller(Role.SERVICE_ADMIN)));
        assertTrue(AccessRules.mayEditMasterData(caller(Role.ADMIN)));
        assertFalse(AccessRules.mayEditMasterData(caller(Role.TECH_SUPPORT)));
        assertFalse(AccessRules.mayEditMasterData(caller(Role.OPERATOR)));
        assertFalse(AccessRules.mayEditMasterData(null));
    }

    @Test
    void sitesAreEditedByTechSupportToo() {
        assertTrue(AccessRules.mayEditSites(caller(Role.SERVICE_ADMIN)));
        assertTrue(AccessRules.mayEditSites(caller(Role.ADMIN)));
        assertTrue(AccessRules.mayEditSites(caller(Role.TECH_SUPPORT)));
        for (Role r : EnumSet.complementOf(EnumSet.of(Role.ADMIN, Role.SERVICE_ADMIN, Role.TECH_SUPPORT))) {
            assertFalse(AccessRules.mayEditSites(caller(r)), r.name());
        }
        assertFalse(AccessRules.mayEditSites(null));
    }
}
