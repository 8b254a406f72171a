package org.coffeecontrol.ui.internal.dev;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.api.workspace.WorkspaceService;

/** A small data set and three users (admin/admin, operator/operator, client/client) for the dev server. */
public final class DevFixtures {

    private DevFixtures() {
    }

    public static MapServiceSource services() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        Caller admin = Caller.system();
        Client north = catalog.saveClient(admin, new Client(null, "North Fuel", "NF", "ops@north.example",
                "+7 495 000-00-01", null, 0));
        Client south = catalog.saveClient(admin, new Client(null, "South Oil", "SO", null, null, null, 0));
        Region moscow = catalog.saveRegion(admin, new Region(null, "Moscow", "MOW", 0));
        catalog.saveRegion(admin, new Region(null, "Saint Petersburg", "SPB", 0));
        EquipmentModel wmf = catalog.saveModel(admin,
                new EquipmentModel(null, "1500S+", "WMF", "coffee machine", "wmf", true, true, 0));
        catalog.saveModel(admin,
                new EquipmentModel(null, "BW4", "Thermoplan", "coffee machine", "thermoplan", true, false, 0));
        PointOfSale p1 = catalog.savePointOfSale(admin, new PointOfSale(null, "Station 12 Leninsky", "NF-012",
                north.id(), moscow.id(), "Leninsky prospekt 12, Moscow", 55.7, 37.58,
                Map.of("MON", "07:00-23:00", "TUE", "07:00-23:00", "SUN", "00:00-24:00"), "06:30,22:30", "standard",
                "B", "North Service", "Audit Co", "INTRASERVICE", "mechanic1", "auditor1", "+7 495 000-12-12",
                null, 0));
        catalog.savePointOfSale(admin, new PointOfSale(null, "South 3 Highway", "SO-003", south.id(), moscow.id(),
                "M4 km 53", null, null, Map.of(), null, null, null, null, null, null, null, null, null, null, 0));
        catalog.saveEquipment(admin, new Equipment(null, wmf.id(), "WMF-100200", p1.id(), "INV-1", "10.0.0.12", 22,
                Map.of("mpo_ver", "3.14"), false, Map.of("boiler", "2.5 l"), 0));

        InMemoryUsers users = new InMemoryUsers()
                .add("admin", "admin", EnumSet.of(Role.ADMIN), Set.of())
                .add("operator", "operator", EnumSet.of(Role.OPERATOR), Set.of(north.id(), south.id()))
                .add("client", "client", EnumSet.of(Role.CLIENT), Set.of(north.id()));
        return new MapServiceSource()
                .put(CatalogService.class, catalog)
                .put(UserService.class, users)
                .put(WorkspaceService.class, new InMemoryWorkspace());
    }
}
