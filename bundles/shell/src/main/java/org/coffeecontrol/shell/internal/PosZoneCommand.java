package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "pos-zone", description = "Shows or sets the time zone of a point of sale",
        detailedDescription = "Its opening hours, its days for drinks and uptime and the times shown about it are "
                + "read in this zone.\nExamples: coffee:pos-zone 10234 (show), coffee:pos-zone 10234 "
                + "Asia/Novosibirsk (set), coffee:pos-zone --clear 10234 (back to the platform's zone)")
public class PosZoneCommand extends CoffeeAction {

    @Argument(index = 0, name = "pos", description = "POS ID, code or name", required = true)
    @Completion(PosCompleter.class)
    String pos;

    @Argument(index = 1, name = "zone", description = "IANA time zone, e.g. Europe/Moscow")
    String zone;

    @Option(name = "--clear", description = "Use the platform's monitoring zone again")
    boolean clear;

    @Override
    void run(Caller caller, Output output) {
        PointOfSale p = lookup(caller).pos(pos);
        if (zone == null && !clear) {
            output.line(Output.named(p.name(), p.id()) + ": " + describe(p.timeZone()));
            return;
        }
        if (zone != null && clear) {
            throw new ValidationException("zone", "give a zone or --clear, not both");
        }
        String next = clear ? null : Arguments.timeZone(zone);
        PointOfSale saved = catalog.savePointOfSale(caller, new PointOfSale(p.id(), p.name(), p.code(), p.clientId(),
                p.regionId(), p.address(), p.latitude(), p.longitude(), p.openingHours(), p.cleaningTimes(),
                p.monitoringPackage(), p.slaLevel(), p.serviceOrganisation(), p.auditOrganisation(),
                p.helpdeskRoute(), p.serviceMechanic(), p.auditMechanic(), p.phone(), p.email(), p.version(), next));
        output.line("Time zone of " + Output.named(saved.name(), saved.id()) + " is now " + describe(saved.timeZone()));
    }

    private static String describe(String zone) {
        return zone == null || zone.isBlank() ? "the platform's monitoring zone" : zone;
    }
}
