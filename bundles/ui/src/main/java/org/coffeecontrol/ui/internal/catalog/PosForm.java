package org.coffeecontrol.ui.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.TextField;

/** Every field of a point of sale (CAT-3). */
final class PosForm extends RecordForm<PointOfSale> {
    private static final long serialVersionUID = 1L;

    /** Helpdesk routes offered in the list; others may be typed. */
    static final java.util.List<String> HELPDESK_ROUTES = java.util.List.of("INTRASERVICE", "EKDS");

    private final TextField name;
    private final TextField code;
    private final EntityCombo<Client> client;
    private final EntityCombo<Region> region;
    private final TextField address;
    private final TextField latitude;
    private final TextField longitude;
    private final TextField phone;
    private final TextField email;
    private final Map<String, TextField> hours = new LinkedHashMap<>();
    private final TextField cleaningTimes;
    private final ComboBox<String> timeZone;
    private final TextField monitoringPackage;
    private final TextField slaLevel;
    private final TextField serviceOrganisation;
    private final TextField auditOrganisation;
    private final ComboBox<String> helpdeskRoute;
    private final TextField serviceMechanic;
    private final TextField auditMechanic;
    private PointOfSale current;

    PosForm(Tr tr, CatalogService catalog, Supplier<Caller> caller) {
        super(tr, "pos");
        name = text("name", "field.name");
        code = text("code", "field.code");
        client = field("clientId", new EntityCombo<>(tr.t("field.client"), q -> catalog.clients(caller.get(), q),
                id -> catalog.client(caller.get(), id), Client::id, Client::name));
        region = field("regionId", new EntityCombo<>(tr.t("field.region"), q -> catalog.regions(caller.get(), q),
                id -> catalog.region(caller.get(), id), Region::id, Region::name));
        address = text("address", "field.address");
        setColspan(address, 2);
        latitude = text("latitude", "field.latitude");
        longitude = text("longitude", "field.longitude");
        phone = text("phone", "field.phone");
        email = text("email", "field.email");

        H4 hoursTitle = new H4(tr.t("pos.section.hours"));
        add(hoursTitle);
        setColspan(hoursTitle, 2);
        for (String day : OpeningHours.DAY_KEYS) {
            TextField f = text("openingHours." + day, "day." + day);
            f.setPlaceholder("07:00-23:00");
            hours.put(day, f);
        }
        cleaningTimes = text("cleaningTimes", "field.cleaningTimes");
        cleaningTimes.setPlaceholder("06:30,22:30");
        timeZone = field("timeZone", new ComboBox<>(tr.t("field.timeZone")));
        timeZone.setItems(java.time.ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        timeZone.setClearButtonVisible(true);
        timeZone.setPlaceholder(tr.t("field.timeZone.platform"));
        timeZone.setHelperText(tr.t("field.timeZone.help"));

        H4 serviceTitle = new H4(tr.t("pos.section.service"));
        add(serviceTitle);
        setColspan(serviceTitle, 2);
        monitoringPackage = text("monitoringPackage", "field.monitoringPackage");
        slaLevel = text("slaLevel", "field.slaLevel");
        serviceOrganisation = text("serviceOrganisation", "field.serviceOrganisation");
        auditOrganisation = text("auditOrganisation", "field.auditOrganisation");
        helpdeskRoute = field("helpdeskRoute", new ComboBox<>(tr.t("field.helpdeskRoute")));
        helpdeskRoute.setItems(HELPDESK_ROUTES);
        helpdeskRoute.setAllowCustomValue(true);
        helpdeskRoute.addCustomValueSetListener(e -> helpdeskRoute.setValue(e.getDetail()));
        serviceMechanic = text("serviceMechanic", "field.serviceMechanic");
        auditMechanic = text("auditMechanic", "field.auditMechanic");
        serviceMechanic.setHelperText(tr.t("field.mechanic.help"));
        auditMechanic.setHelperText(tr.t("field.mechanic.help"));
    }

    @Override
    public void read(PointOfSale p) {
        current = p;
        name.setValue(p == null ? "" : show(p.name()));
        code.setValue(p == null ? "" : show(p.code()));
        client.setValueId(p == null ? null : p.clientId());
        region.setValueId(p == null ? null : p.regionId());
        address.setValue(p == null ? "" : show(p.address()));
        latitude.setValue(p == null ? "" : show(p.latitude()));
        longitude.setValue(p == null ? "" : show(p.longitude()));
        phone.setValue(p == null ? "" : show(p.phone()));
        email.setValue(p == null ? "" : show(p.email()));
        hours.forEach((day, f) -> f.setValue(p == null ? "" : show(p.openingHours().get(day))));
        cleaningTimes.setValue(p == null ? "" : show(p.cleaningTimes()));
        timeZone.setValue(p == null ? null : p.timeZone());
        monitoringPackage.setValue(p == null ? "" : show(p.monitoringPackage()));
        slaLevel.setValue(p == null ? "" : show(p.slaLevel()));
        serviceOrganisation.setValue(p == null ? "" : show(p.serviceOrganisation()));
        auditOrganisation.setValue(p == null ? "" : show(p.auditOrganisation()));
        helpdeskRoute.setValue(p == null ? null : p.helpdeskRoute());
        serviceMechanic.setValue(p == null ? "" : show(p.serviceMechanic()));
        auditMechanic.setValue(p == null ? "" : show(p.auditMechanic()));
    }

    @Override
    public PointOfSale write() {
        String n = required(name, "name");
        Long clientId = client.valueId();
        if (clientId == null) {
            throw new ValidationException("clientId", tr.t("validation.required"));
        }
        Map<String, String> opening = new LinkedHashMap<>();
        hours.forEach((day, f) -> {
            String v = value(f);
            if (v != null) {
                opening.put(day, v);
            }
        });
        // Same parser as the server, so a typo is flagged on its day before the round trip.
        OpeningHours.parse(opening, "openingHours");
        String cleaning = value(cleaningTimes);
        OpeningHours.parseTimes(cleaning, "cleaningTimes");
        String route = helpdeskRoute.getValue() == null || helpdeskRoute.getValue().isBlank() ? null
                : helpdeskRoute.getValue().trim();
        return new PointOfSale(current == null ? null : current.id(), n, value(code), clientId, region.valueId(),
                value(address), decimal(latitude, "latitude"), decimal(longitude, "longitude"), opening, cleaning,
                value(monitoringPackage), value(slaLevel), value(serviceOrganisation), value(auditOrganisation),
                route, value(serviceMechanic), value(auditMechanic), value(phone), value(email),
                current == null ? 0 : current.version(), timeZone.getValue());
    }
}
