package org.coffeecontrol.ui.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.dev.InMemoryCatalog;
import org.junit.jupiter.api.Test;

/** Each catalogue offers its edit buttons to exactly the roles core lets save it. */
class CatalogueEditorsTest {

    private final CatalogService catalog = new InMemoryCatalog();

    private static Caller as(Role role) {
        return new Caller("u", EnumSet.of(role), false, Set.of());
    }

    private static Set<Role> editors(Catalogue<?> catalogue) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (catalogue.editableBy(as(r))) {
                roles.add(r);
            }
        }
        return roles;
    }

    @Test
    void masterDataCataloguesAreForServiceAdminsAndAdmins() {
        Set<Role> expected = EnumSet.of(Role.ADMIN, Role.SERVICE_ADMIN);
        for (Catalogue<?> c : List.of(new ClientCatalogue(catalog, () -> null),
                new RegionCatalogue(catalog, () -> null), new ModelCatalogue(catalog, () -> null, List::of))) {
            assertEquals(expected, editors(c), c.key());
        }
    }

    @Test
    void pointsOfSaleAndEquipmentAreAlsoForTechSupport() {
        Set<Role> expected = EnumSet.of(Role.ADMIN, Role.SERVICE_ADMIN, Role.TECH_SUPPORT);
        assertEquals(expected, editors(new PosCatalogue(catalog, () -> null)));
        assertEquals(expected, editors(new EquipmentCatalogue(catalog, () -> null)));
    }
}
