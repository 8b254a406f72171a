package org.coffeecontrol.ui.internal.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.Mechanic;
import org.coffeecontrol.tickets.api.PriorityRule;
import org.coffeecontrol.ui.internal.dev.InMemoryCatalog;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.i18n.Translations;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.TextField;

/** The priority rule and mechanic card forms turn records into fields and back, and name the field a refusal is about. */
class TicketSettingsFormsTest {

    private final Tr tr = Translations.forLocale(Translations.ENGLISH);
    private final Caller admin = Caller.system();
    private final CatalogService catalog = new InMemoryCatalog();
    private final Client client = catalog.saveClient(admin, new Client(null, "North Fuel", "NF", null, null, null, 0));

    private PriorityRuleForm ruleForm() {
        return new PriorityRuleForm(tr, catalog, () -> admin);
    }

    private static TextField text(org.coffeecontrol.ui.internal.catalog.RecordForm<?> form, String field) {
        return (TextField) form.fieldFor(field);
    }

    @Test
    void aRuleRoundTripsEveryCondition() {
        PriorityRule rule = new PriorityRule(7L, "Key account", client.id(), "REPAIR", "A", 30, -25);
        PriorityRuleForm form = ruleForm();
        form.read(rule);
        assertEquals(rule, form.write());
    }

    @Test
    void blankConditionsMatchAnythingAndANewRuleHasNoId() {
        PriorityRuleForm form = ruleForm();
        form.read(null);
        text(form, "name").setValue("  Everything old  ");
        text(form, "points").setValue("5");
        assertEquals(new PriorityRule(null, "Everything old", null, null, null, null, 5), form.write());
    }

    @Test
    void malformedValuesNameTheirField() {
        PriorityRuleForm form = ruleForm();
        form.read(null);
        text(form, "points").setValue("5");
        assertEquals("name", assertThrows(ValidationException.class, form::write).field());
        text(form, "name").setValue("Rule");
        text(form, "points").setValue("lots");
        ValidationException points = assertThrows(ValidationException.class, form::write);
        assertEquals("points", points.field());
        assertEquals("Must be a whole number", points.detail());
        text(form, "points").setValue("");
        assertEquals("points", assertThrows(ValidationException.class, form::write).field());
        text(form, "points").setValue("5");
        text(form, "minAgeMinutes").setValue("half an hour");
        assertEquals("minAgeMinutes", assertThrows(ValidationException.class, form::write).field());
    }

    @Test
    void theServicesRefusalLandsOnItsField() {
        PriorityRuleForm form = ruleForm();
        form.read(null);
        assertTrue(form.showError(new ValidationException("points", "between -10000 and 10000")));
        HasValidation points = form.fieldFor("points");
        assertTrue(points.isInvalid());
        assertEquals("between -10000 and 10000", points.getErrorMessage());
    }

    @Test
    void aRuleForAClientTheUserCannotSeeIsNotWidenedToEveryClient() {
        PriorityRuleForm form = ruleForm();
        form.read(new PriorityRule(3L, "Hidden", 999L, null, null, null, 10));
        assertEquals("clientId", assertThrows(ValidationException.class, form::write).field());
    }

    @Test
    void aMechanicsCardRoundTrips() {
        Mechanic m = new Mechanic("ivan", "Ivan Petrov", 55.75, 37.62, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                LocalTime.of(7, 30), LocalTime.of(19, 0), 5, false);
        MechanicForm form = new MechanicForm(tr, Locale.ENGLISH);
        form.read(m);
        assertEquals(m, form.write());
    }

    @Test
    void aCardWithoutHoursOrHomeKeepsThemEmpty() {
        Mechanic m = new Mechanic("olga", null, null, null, Set.of(), null, null, 3, true);
        MechanicForm form = new MechanicForm(tr, Locale.ENGLISH);
        form.read(m);
        assertEquals(m, form.write());
        text(form, "workStart").setValue("7:30");
        text(form, "workEnd").setValue("16:00");
        assertEquals(LocalTime.of(7, 30), form.write().workStart());
    }

    @Test
    void aMalformedCardNamesItsField() {
        MechanicForm form = new MechanicForm(tr, Locale.ENGLISH);
        form.read(new Mechanic("olga", null, null, null, Set.of(), null, null, 3, true));
        text(form, "workStart").setValue("7.30");
        ValidationException time = assertThrows(ValidationException.class, form::write);
        assertEquals("workStart", time.field());
        assertEquals("Give the time as HH:MM", time.detail());
        text(form, "workStart").setValue("");
        text(form, "homeLatitude").setValue("north");
        assertEquals("homeLatitude", assertThrows(ValidationException.class, form::write).field());
        text(form, "homeLatitude").setValue("");
        text(form, "maxOpen").setValue("");
        assertEquals("maxOpen", assertThrows(ValidationException.class, form::write).field());
    }
}
