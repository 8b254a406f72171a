package org.coffeecontrol.shell.internal;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "pos-show", description = "Shows every field of a point of sale and its equipment")
public class PosShowCommand extends CoffeeAction {

    @Argument(name = "pos", description = "POS ID, code or name", required = true)
    @Completion(PosCompleter.class)
    String pos;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        PointOfSale p = lookup.pos(pos);
        output.heading("Point of sale #" + p.id() + " " + Output.text(p.name()));
        output.field("Code", p.code());
        output.field("Client", Output.named(lookup.clientName(p.clientId()), p.clientId()));
        output.field("Region", Output.named(lookup.regionName(p.regionId()), p.regionId()));
        output.field("Address", p.address());
        output.field("Coordinates", p.latitude() == null || p.longitude() == null ? null
                : String.format(Locale.ROOT, "%.6f, %.6f", p.latitude(), p.longitude()));
        output.field("Phone", p.phone());
        output.field("Email", p.email());
        output.field("Time zone", p.timeZone() == null || p.timeZone().isBlank()
                ? "platform's (monitoring zone)" : p.timeZone());
        output.block("Opening hours", hours(p));
        output.field("Cleaning times", p.cleaningTimes());
        output.field("Monitoring package", p.monitoringPackage());
        output.field("SLA level", p.slaLevel());
        output.field("Service org", p.serviceOrganisation());
        output.field("Audit org", p.auditOrganisation());
        output.field("Helpdesk route", p.helpdeskRoute());
        output.field("Service mechanic", p.serviceMechanic());
        output.field("Audit mechanic", p.auditMechanic());
        Page<Equipment> machines = catalog.equipment(caller,
                new CatalogQuery(null, null, null, p.id(), null, PageRequest.first(20)));
        output.line("");
        output.table(EquipmentCommand.table(machines.items(), lookup));
        output.footer(machines, "machines");
    }

    /** Day by day in week order; a POS without hours is open around the clock, and says so. */
    private static Map<String, String> hours(PointOfSale p) {
        boolean unset = p.openingHours().isEmpty();
        OpeningHours parsed = unset ? OpeningHours.always() : OpeningHours.parse(p.openingHours(), "openingHours");
        Map<String, String> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = OpeningHours.DAY_KEYS.get(day.getValue() - 1);
            days.put(key, parsed.format(day) + (unset ? " (default)" : ""));
        }
        return days;
    }
}
