package org.coffeecontrol.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "pos-add", description = "Creates a point of sale",
        detailedDescription = "Options go before the name (Karaf stops reading options at the first argument).\n"
                + "Example: coffee:pos-add --client ACME --code 10234 --region north --lat 55.75 --lon 37.61 "
                + "--hours MON-FRI=07:00-22:00 --hours SAT-SUN=closed --time-zone Europe/Moscow --cleaning 06:30,22:30 "
                + "\"A7 km 12\"")
public class PosAddCommand extends CoffeeAction {

    @Argument(name = "name", description = "POS name (quote it if it has spaces)", required = true)
    String name;

    @Option(name = "--client", aliases = "-c", required = true, description = "Owning client (ID, code or name)")
    @Completion(ClientCompleter.class)
    String client;

    @Option(name = "--code", description = "Short unique code, e.g. the station number")
    String code;

    @Option(name = "--region", aliases = "-r", description = "Region (ID, code or name)")
    @Completion(RegionCompleter.class)
    String region;

    @Option(name = "--address", aliases = "-a", description = "Postal address")
    String address;

    @Option(name = "--lat", description = "Latitude in degrees, -90..90")
    Double latitude;

    @Option(name = "--lon", description = "Longitude in degrees, -180..180")
    Double longitude;

    @Option(name = "--hours", multiValued = true,
            description = "Opening hours DAYS=HOURS, repeatable: MON=07:00-23:00, MON-FRI=..., ALL=00:00-24:00, "
                    + "SUN=closed, two windows 07:00-12:00,13:00-20:00. Not given: around the clock")
    List<String> hours;

    @Option(name = "--cleaning", description = "Scheduled rinse times of day, e.g. 06:30,22:30")
    String cleaning;

    @Option(name = "--time-zone", aliases = "-z", description = "IANA time zone its opening hours and times are "
            + "read in, e.g. Asia/Novosibirsk. Not given: the platform's monitoring zone")
    String timeZone;

    @Option(name = "--package", description = "Monitoring package")
    String monitoringPackage;

    @Option(name = "--sla", description = "SLA level")
    String sla;

    @Option(name = "--service-org", description = "Service organisation")
    String serviceOrganisation;

    @Option(name = "--audit-org", description = "Audit organisation")
    String auditOrganisation;

    @Option(name = "--helpdesk", description = "Helpdesk route for field tickets, e.g. INTRASERVICE or EKDS")
    String helpdeskRoute;

    @Option(name = "--mechanic", description = "Username of the assigned service engineer")
    @Completion(UsernameCompleter.class)
    String serviceMechanic;

    @Option(name = "--audit-mechanic", description = "Username of the assigned audit engineer")
    @Completion(UsernameCompleter.class)
    String auditMechanic;

    @Option(name = "--phone", description = "Contact phone")
    String phone;

    @Option(name = "--email", description = "Contact e-mail")
    String email;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        PointOfSale pos = new PointOfSale(null, name, Arguments.optional(code), lookup.clientId(client),
                lookup.regionId(Arguments.optional(region)), Arguments.optional(address), latitude, longitude,
                Arguments.openingHours(hours), Arguments.optional(cleaning), Arguments.optional(monitoringPackage),
                Arguments.optional(sla), Arguments.optional(serviceOrganisation),
                Arguments.optional(auditOrganisation), Arguments.optional(helpdeskRoute),
                Arguments.optional(serviceMechanic), Arguments.optional(auditMechanic), Arguments.optional(phone),
                Arguments.optional(email), 0, Arguments.timeZone(timeZone));
        PointOfSale saved = catalog.savePointOfSale(caller, pos);
        output.line("Created point of sale " + Output.named(saved.name(), saved.id()) + " for client "
                + Output.named(lookup.clientName(saved.clientId()), saved.clientId()));
    }
}
