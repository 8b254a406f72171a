package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.junit.jupiter.api.Test;

class CatalogCommandsTest {

    private final Shell shell = new Shell();
    private final Subject admin = Shell.console();

    private static void assertFitsTerminal(Shell.Result r) {
        for (String line : r.lines()) {
            assertTrue(line.length() <= Output.WIDTH, "wider than 80 columns: " + line);
        }
    }

    private Client client(String name, String code) throws Exception {
        ClientAddCommand add = new ClientAddCommand();
        add.name = name;
        add.code = code;
        shell.run(admin, add);
        return shell.catalog.clients(Caller.system(), CatalogQuery.text(code)).items().get(0);
    }

    private Shell.Result addPos(String name, String client, String code, String... hours) throws Exception {
        PosAddCommand add = new PosAddCommand();
        add.name = name;
        add.client = client;
        add.code = code;
        add.hours = List.of(hours);
        add.latitude = 55.75;
        add.longitude = 37.61;
        add.address = "Moscow ring road, km 12, next to the car wash and the very long name of the shop";
        add.serviceMechanic = "anna";
        return shell.run(admin, add);
    }

    @Test
    void addedClientIsListedAndShown() throws Exception {
        ClientAddCommand add = new ClientAddCommand();
        add.name = "Acme Fuel Stations International Holding Limited";
        add.code = "ACME";
        add.phone = "+7 495 000 00 00";
        Shell.Result created = shell.run(admin, add);
        assertEquals("", created.err());
        assertTrue(created.out().startsWith("Created client Acme Fuel Stations International Holding Limited (#"),
                created.out());

        Shell.Result list = shell.run(admin, new ClientsCommand());
        assertTrue(list.out().contains("ACME") && list.out().contains("Acme Fuel Stations Intern~"), list.out());
        assertTrue(list.out().endsWith("clients: 1" + System.lineSeparator()), list.out());
        assertFitsTerminal(list);

        ClientShowCommand show = new ClientShowCommand();
        show.client = "acme";
        Shell.Result shown = shell.run(admin, show);
        assertTrue(shown.out().contains("Points of sale:      0"), shown.out());
        assertTrue(shown.out().contains("+7 495 000 00 00"), shown.out());
    }

    @Test
    void posWithEveryFieldIsCreatedAndShownWithItsHours() throws Exception {
        Client acme = client("Acme", "ACME");
        Shell.Result created = addPos("North 1", "ACME", "10234", "MON-FRI=07:00-22:00", "SAT-SUN=closed");
        assertEquals("", created.err());
        PointOfSale saved = shell.catalog.pointsOfSale(Caller.system(), CatalogQuery.all()).items().get(0);
        assertEquals(acme.id(), saved.clientId());
        assertEquals("closed", saved.openingHours().get("SUN"));
        assertEquals("anna", saved.serviceMechanic());

        PosShowCommand show = new PosShowCommand();
        show.pos = "10234";
        Shell.Result shown = shell.run(admin, show);
        assertTrue(shown.out().contains("Client:              Acme (#" + acme.id() + ")"), shown.out());
        assertTrue(shown.out().contains("MON:               07:00-22:00"), shown.out());
        assertTrue(shown.out().contains("SUN:               closed"), shown.out());
        int previous = -1;
        for (String day : List.of("MON:", "TUE:", "WED:", "THU:", "FRI:", "SAT:", "SUN:")) {
            int at = shown.out().indexOf(day);
            assertTrue(at > previous, "days out of week order at " + day + ": " + shown.out());
            previous = at;
        }
        assertTrue(shown.out().contains("55.750000, 37.610000"), shown.out());
        assertFitsTerminal(shown);
    }

    @Test
    void posWithoutHoursSaysItIsOpenAroundTheClock() throws Exception {
        client("Acme", "ACME");
        addPos("North 1", "ACME", "10234");
        PosShowCommand show = new PosShowCommand();
        show.pos = "North";
        // "North" is only part of the name: no exact key, not a number.
        assertEquals("Error: Point of sale 'North' not found" + System.lineSeparator(), shell.run(admin, show).err());
        show.pos = "north 1";
        assertTrue(shell.run(admin, show).out().contains("WED:               00:00-24:00 (default)"));
    }

    @Test
    void badHoursAreRejectedBeforeAnythingIsSaved() throws Exception {
        client("Acme", "ACME");
        Shell.Result r = addPos("North 1", "ACME", "10234", "MON=22:00-07:00");
        assertEquals("Invalid hours.MON: '22:00-07:00' ends before it starts" + System.lineSeparator(), r.err());
        assertEquals("", r.out());
        assertEquals(0, shell.catalog.pointsOfSale(Caller.system(), CatalogQuery.all()).total());
    }

    @Test
    void timeZoneIsSetAtCreationShownAndChangedWithPosZone() throws Exception {
        client("Acme", "ACME");
        PosAddCommand add = new PosAddCommand();
        add.name = "East 1";
        add.client = "ACME";
        add.code = "E1";
        add.timeZone = "Mars/Olympus";
        Shell.Result bad = shell.run(admin, add);
        assertEquals("Invalid time-zone: unknown time zone 'Mars/Olympus', use an IANA id such as Europe/Moscow or "
                + "Asia/Novosibirsk" + System.lineSeparator(), bad.err());
        assertEquals(0, shell.catalog.pointsOfSale(Caller.system(), CatalogQuery.all()).total());

        add.timeZone = "Asia/Novosibirsk";
        assertEquals("", shell.run(admin, add).err());
        PosShowCommand show = new PosShowCommand();
        show.pos = "E1";
        assertTrue(shell.run(admin, show).out().contains("Time zone:           Asia/Novosibirsk"),
                shell.run(admin, show).out());

        PosZoneCommand zone = new PosZoneCommand();
        zone.pos = "E1";
        assertTrue(shell.run(admin, zone).out().contains(": Asia/Novosibirsk"));
        zone.zone = "Europe/Kaliningrad";
        assertTrue(shell.run(admin, zone).out().contains("is now Europe/Kaliningrad"));
        assertEquals("Europe/Kaliningrad", shell.catalog.pointsOfSale(Caller.system(), CatalogQuery.all()).items()
                .get(0).timeZone());
        zone.zone = "Nowhere";
        assertTrue(shell.run(admin, zone).err().startsWith("Invalid time-zone: unknown time zone 'Nowhere'"));
        zone.zone = null;
        zone.clear = true;
        assertTrue(shell.run(admin, zone).out().contains("is now the platform's monitoring zone"));
        assertEquals(null, shell.catalog.pointsOfSale(Caller.system(), CatalogQuery.all()).items().get(0).timeZone());
    }

    @Test
    void posListFiltersByClient() throws Exception {
        client("Acme", "ACME");
        client("Beta", "BETA");
        addPos("North 1", "ACME", "1");
        addPos("South 9", "BETA", "2");
        PosCommand list = new PosCommand();
        list.client = "BETA";
        Shell.Result r = shell.run(admin, list);
        assertTrue(r.out().contains("South 9") && !r.out().contains("North 1"), r.out());
        assertFitsTerminal(r);
    }

    @Test
    void equipmentIsRegisteredByModelNameAndPosCodeThenFoundBySerial() throws Exception {
        client("Acme", "ACME");
        addPos("North 1", "ACME", "10234");
        ModelAddCommand model = new ModelAddCommand();
        model.name = "WMF1500S+";
        model.family = "wmf";
        model.recipes = true;
        assertEquals("", shell.run(admin, model).err());

        EquipmentAddCommand add = new EquipmentAddCommand();
        add.serial = "1500-0042";
        add.model = "wmf1500s+";
        add.pos = "10234";
        add.host = "10.1.2.3";
        add.firmware = List.of("main=3.2.1", "ui=1.0");
        add.attributes = List.of("boilers=2");
        Shell.Result created = shell.run(admin, add);
        assertEquals("", created.err());
        assertTrue(created.out().contains("serial 1500-0042 at North 1 (#"), created.out());
        Equipment saved = shell.catalog.equipment(Caller.system(), CatalogQuery.all()).items().get(0);
        assertEquals(Map.of("main", "3.2.1", "ui", "1.0"), saved.firmware());

        EquipmentShowCommand show = new EquipmentShowCommand();
        show.equipment = "1500-0042";
        Shell.Result shown = shell.run(admin, show);
        assertTrue(shown.out().contains("Host:                10.1.2.3:22"), shown.out());
        assertTrue(shown.out().contains("Family:              wmf"), shown.out());
        assertTrue(shown.out().contains("main:") && shown.out().contains("3.2.1"), shown.out());

        Shell.Result again = shell.run(admin, add);
        assertEquals("Conflict: serial 1500-0042 already exists for this model" + System.lineSeparator(), again.err());

        EquipmentCommand byModel = new EquipmentCommand();
        byModel.model = "WMF1500S+";
        assertTrue(shell.run(admin, byModel).out().contains("1500-0042"));
    }

    @Test
    void clientUserSeesOnlyOwnClientAndCannotWrite() throws Exception {
        Client acme = client("Acme", "ACME");
        client("Beta", "BETA");
        addPos("South 9", "BETA", "2");
        Subject olga = shell.dbUser("olga", EnumSet.of(Role.CLIENT), Set.of(acme.id()));

        Shell.Result list = shell.run(olga, new ClientsCommand());
        assertTrue(list.out().contains("ACME") && !list.out().contains("BETA"), list.out());

        PosShowCommand show = new PosShowCommand();
        show.pos = "2";
        assertTrue(shell.run(olga, show).err().startsWith("Error: Point of sale 2 not found"));

        ClientAddCommand add = new ClientAddCommand();
        add.name = "Mine";
        Shell.Result denied = shell.run(olga, add);
        assertTrue(denied.err().startsWith("Access denied: olga may not edit catalogues"), denied.err());
        assertEquals(1, denied.err().lines().count());
    }

    @Test
    void strangerIsRefusedWithOneLine() throws Exception {
        Shell.Result r = shell.run(Shell.login("mallory"), new ClientsCommand());
        assertEquals("Access denied: mallory is not a Coffee Control user" + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void searchFindsAcrossKinds() throws Exception {
        client("Acme", "ACME");
        addPos("Acme North", "ACME", "10234");
        SearchCommand search = new SearchCommand();
        search.term = "acme";
        Shell.Result r = shell.run(admin, search);
        assertTrue(r.out().contains("CLIENT") && r.out().contains("POS"), r.out());
        assertTrue(r.out().endsWith("hits: 2" + System.lineSeparator()), r.out());
        assertFitsTerminal(r);
    }

    @Test
    void pagingFooterPointsAtTheNextPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            client("Client " + i, "C" + i);
        }
        ClientsCommand list = new ClientsCommand();
        list.limit = 2;
        assertTrue(shell.run(admin, list).out().contains("clients: 1-2 of 3; next: --offset 2 --limit 2"));
    }
}
