package org.coffeecontrol.ui.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.dev.InMemoryCatalog;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.i18n.Translations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.TextField;

/** The forms turn records into fields and back without losing or inventing anything. */
class FormMappingTest {

    private final Tr tr = Translations.forLocale(Translations.ENGLISH);
    private final Caller admin = Caller.system();
    private final CatalogService catalog = new InMemoryCatalog();
    private Client client;
    private Region region;
    private EquipmentModel model;
    private PointOfSale pos;

    @BeforeEach
    void data() {
        client = catalog.saveClient(admin, new Client(null, "North Fuel", "NF", null, null, null, 0));
        region = catalog.saveRegion(admin, new Region(null, "Moscow", "MOW", 0));
        model = catalog.saveModel(admin, new EquipmentModel(null, "1500S+", "WMF", "coffee", "wmf", true, true, 0));
        pos = catalog.savePointOfSale(admin, fullPos(null, 0));
    }

    private PointOfSale fullPos(Long id, long version) {
        Map<String, String> hours = new LinkedHashMap<>();
        hours.put("MON", "07:00-23:00");
        hours.put("SAT", "08:00-12:00,13:00-20:00");
        hours.put("SUN", "closed");
        return new PointOfSale(id, "Station 12", "NF-012", client.id(), region.id(), "Leninsky 12", 55.7, 37.58,
                hours, "06:30,22:30", "standard", "B", "North Service", "Audit Co", "EKDS", "mech1", "aud1",
                "+7 495 000", "pos@north.example", version);
    }

    private static TextField text(RecordForm<?> form, String field) {
        return (TextField) form.fieldFor(field);
    }

    @Test
    void pointOfSaleRoundTripsEveryField() {
        PosForm form = new PosForm(tr, catalog, () -> admin);
        form.read(pos);
        assertEquals(pos, form.write());
    }

    @Test
    void newPointOfSaleLeavesBlankFieldsNullAndOmitsBlankDays() {
        PosForm form = new PosForm(tr, catalog, () -> admin);
        form.read(null);
        text(form, "name").setValue("  Fresh  ");
        ((EntityCombo<?>) form.fieldFor("clientId")).setValueId(client.id());
        text(form, "openingHours.TUE").setValue("09:00-18:00");
        PointOfSale p = form.write();
        assertNull(p.id());
        assertEquals("Fresh", p.name());
        assertEquals(client.id(), p.clientId());
        assertNull(p.regionId());
        assertNull(p.latitude());
        assertNull(p.email());
        assertEquals(Map.of("TUE", "09:00-18:00"), p.openingHours());
    }

    @Test
    void malformedInputNamesItsField() {
        PosForm form = new PosForm(tr, catalog, () -> admin);
        form.read(pos);
        text(form, "latitude").setValue("north");
        assertEquals("latitude", assertThrows(ValidationException.class, form::write).field());
        form.read(pos);
        text(form, "openingHours.MON").setValue("7-23");
        assertEquals("openingHours.MON", assertThrows(ValidationException.class, form::write).field());
        form.read(pos);
        ((EntityCombo<?>) form.fieldFor("clientId")).clear();
        assertEquals("clientId", assertThrows(ValidationException.class, form::write).field());
    }

    @Test
    void serverErrorsLandOnTheFieldTheyName() {
        PosForm form = new PosForm(tr, catalog, () -> admin);
        form.read(pos);
        assertTrue(form.showError(new ValidationException("openingHours.SAT", "overlaps")));
        HasValidation sat = form.fieldFor("openingHours.SAT");
        assertTrue(sat.isInvalid());
        assertEquals("overlaps", sat.getErrorMessage());
        // "client" and "clientId" both mean the client box.
        assertSame(form.fieldFor("clientId"), form.fieldFor("client"));
        assertFalse(form.showError(new ValidationException("noSuchField", "x")));
        form.clearErrors();
        assertFalse(sat.isInvalid());
    }

    @Test
    void equipmentRoundTripsIncludingMaps() {
        Equipment e = catalog.saveEquipment(admin, new Equipment(null, model.id(), "SN-1", pos.id(), "INV-9",
                "10.0.0.5", 2222, Map.of("mpo_ver", "3.14", "pym_ver", "1.2"), true, Map.of("boiler", "2.5 l"), 0));
        EquipmentForm form = new EquipmentForm(tr, catalog, () -> admin);
        form.read(e);
        assertEquals(e, form.write());
    }

    @Test
    void equipmentRejectsBadPortsAndKeylessValues() {
        EquipmentForm form = new EquipmentForm(tr, catalog, () -> admin);
        form.read(null);
        ((EntityCombo<?>) form.fieldFor("modelId")).setValueId(model.id());
        text(form, "serialNumber").setValue("SN-2");
        text(form, "sshPort").setValue("70000");
        assertEquals("sshPort", assertThrows(ValidationException.class, form::write).field());
        text(form, "sshPort").setValue("");
        ((KeyValueEditor) form.fieldFor("firmware")).setValue(Map.of("", "1.0"));
        assertEquals("firmware", assertThrows(ValidationException.class, form::write).field());
        ((KeyValueEditor) form.fieldFor("firmware")).setValue(Map.of());
        Equipment fresh = form.write();
        assertNull(fresh.sshPort());
        assertFalse(fresh.rented());
        assertNull(fresh.posId());
    }

    @Test
    void gridQueryCarriesFilterAndPage() {
        CatalogueGrid<PointOfSale> grid = new CatalogueGrid<>(new PosCatalogue(catalog, () -> admin), tr, p -> {
        }, null);
        grid.filterField().setValue("Station");
        CatalogQuery q = grid.query(100, 50);
        assertEquals("Station", q.text());
        assertEquals(new PageRequest(100, 50), q.page());
        assertEquals(List.of(pos), new PosCatalogue(catalog, () -> admin).fetch(q.withPage(PageRequest.all()))
                .items());
    }
}
