package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogLookupTest {

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final Caller admin = Caller.system();
    private Client acme;
    private Client beta;
    private PointOfSale numericCode;

    @BeforeEach
    void seed() {
        acme = catalog.saveClient(admin, new Client(null, "Acme Fuel", "ACME", null, null, null, 0));
        beta = catalog.saveClient(admin, new Client(null, "Beta", "B", null, null, null, 0));
        catalog.saveClient(admin, new Client(null, "Acme Fuel", "ACME2", null, null, null, 0));
        // A POS whose code equals the ID of another object: codes must win over IDs.
        numericCode = catalog.savePointOfSale(admin, pos("Station", String.valueOf(acme.id()), beta.id()));
    }

    private static PointOfSale pos(String name, String code, long clientId) {
        return new PointOfSale(null, name, code, clientId, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, 0);
    }

    private CatalogLookup lookup(Caller caller) {
        return new CatalogLookup(catalog, caller);
    }

    @Test
    void findsByCodeOrNameIgnoringCase() {
        assertEquals(beta.id(), lookup(admin).client("b").id());
        assertEquals(beta.id(), lookup(admin).client("BETA").id());
        assertEquals(acme.id(), lookup(admin).client("acme").id());
    }

    @Test
    void numberIsAnIdUnlessItIsSomebodysKey() {
        assertEquals(beta.id(), lookup(admin).client(String.valueOf(beta.id())).id());
        assertEquals(numericCode.id(), lookup(admin).pos(String.valueOf(acme.id())).id());
    }

    @Test
    void hashForcesTheId() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> lookup(admin).pos("#" + acme.id()));
        assertEquals("Point of sale " + acme.id() + " not found", e.getMessage());
        assertEquals(numericCode.id(), lookup(admin).pos("#" + numericCode.id()).id());
    }

    @Test
    void ambiguousNameAsksForTheId() {
        ValidationException e = assertThrows(ValidationException.class, () -> lookup(admin).client("Acme Fuel"));
        assertEquals("client", e.field());
        assertEquals("'Acme Fuel' matches 2 entries, use the ID (#n)", e.detail());
    }

    @Test
    void partialMatchIsNotAMatch() {
        assertThrows(NotFoundException.class, () -> lookup(admin).client("Acm"));
        assertEquals("client", assertThrows(ValidationException.class, () -> lookup(admin).client(" ")).field());
    }

    @Test
    void invisibleObjectsAreNotFoundByKeyOrId() {
        Caller acmeStaff = new Caller("olga", Set.of(Role.CLIENT), false, Set.of(acme.id()));
        assertThrows(NotFoundException.class, () -> lookup(acmeStaff).client("B"));
        assertThrows(NotFoundException.class, () -> lookup(acmeStaff).client(String.valueOf(beta.id())));
        assertEquals("#" + beta.id(), lookup(acmeStaff).clientName(beta.id()));
        assertEquals("Beta", lookup(admin).clientName(beta.id()));
    }

    @Test
    void equipmentBySerialOrInventoryNumber() {
        EquipmentModel m = catalog.saveModel(admin, new EquipmentModel(null, "WMF 1500S+", "WMF", null, "wmf",
                true, false, 0));
        Equipment e = catalog.saveEquipment(admin, new Equipment(null, m.id(), "1500-0042", null, "INV-7", null,
                null, Map.of(), false, Map.of(), 0));
        assertEquals(e.id(), lookup(admin).equipment("1500-0042").id());
        assertEquals(e.id(), lookup(admin).equipment("inv-7").id());
        assertEquals(m.id(), lookup(admin).model("wmf 1500s+").id());
    }
}
