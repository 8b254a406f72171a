package org.coffeecontrol.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.core.internal.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogServiceImplTest {

    private TestDatabase tdb;
    private CatalogServiceImpl catalog;
    private final Caller admin = Caller.system();

    @BeforeEach
    void setUp() throws Exception {
        tdb = new TestDatabase();
        catalog = new CatalogServiceImpl(tdb.db);
    }

    @AfterEach
    void tearDown() {
        tdb.close();
    }

    private Client client(String name) {
        return catalog.saveClient(admin, new Client(null, name, null, null, null, null, 0));
    }

    static PointOfSale pos(String name, String code, long clientId) {
        return new PointOfSale(null, name, code, clientId, null, "Moscow, Tverskaya 1", 55.75, 37.61,
                Map.of("MON", "07:00-23:00", "sun", "closed"), "06:30,22:30", "standard", "A", "Service LLC",
                "Audit LLC", "intraservice", null, null, "+7 495 000", "pos@example.com", 0);
    }

    private EquipmentModel model() {
        return catalog.saveModel(admin, new EquipmentModel(null, "WMF 1500S+", "WMF", "coffee machine", "WMF", true,
                true, 0));
    }

    private Equipment machine(long modelId, Long posId, String serial, String host) {
        return new Equipment(null, modelId, serial, posId, null, host, 22, Map.of("mpo_ver", "3.1"), false,
                Map.of("boiler", "2kW"), 0);
    }

    @Test
    void createsPosWithEveryFieldAndNormalisesHours() {
        Client c = client("Lukoil");
        Region r = catalog.saveRegion(admin, new Region(null, "Moscow", "MSK", 0));
        PointOfSale p = pos("AZS 1", "AZS-1", c.id());
        p = new PointOfSale(null, p.name(), p.code(), p.clientId(), r.id(), p.address(), p.latitude(), p.longitude(),
                p.openingHours(), p.cleaningTimes(), p.monitoringPackage(), p.slaLevel(), p.serviceOrganisation(),
                p.auditOrganisation(), p.helpdeskRoute(), null, null, p.phone(), p.email(), 0);
        PointOfSale saved = catalog.savePointOfSale(admin, p);
        PointOfSale read = catalog.pointOfSale(admin, saved.id());
        assertEquals("07:00-23:00", read.openingHours().get("MON"));
        assertEquals("closed", read.openingHours().get("SUN"));
        assertEquals("06:30,22:30", read.cleaningTimes());
        assertEquals(r.id(), read.regionId());
        assertEquals("Audit LLC", read.auditOrganisation());
    }

    @Test
    void aPosKeepsItsOwnTimeZoneAndWithoutOneUsesThePlatformsZone() {
        Client c = client("Lukoil");
        PointOfSale p = pos("AZS 7", "AZS-7", c.id());
        PointOfSale inNovosibirsk = catalog.savePointOfSale(admin, new PointOfSale(null, p.name(), p.code(),
                p.clientId(), null, p.address(), p.latitude(), p.longitude(), p.openingHours(), p.cleaningTimes(),
                null, null, null, null, null, null, null, null, null, 0, " Asia/Novosibirsk "));
        PointOfSale read = catalog.pointOfSale(admin, inNovosibirsk.id());
        assertEquals("Asia/Novosibirsk", read.timeZone());
        assertEquals(java.time.ZoneId.of("Asia/Novosibirsk"), read.zoneOr(java.time.ZoneOffset.UTC));
        PointOfSale plain = catalog.savePointOfSale(admin, pos("AZS 8", "AZS-8", c.id()));
        assertEquals(null, plain.timeZone());
        assertEquals(java.time.ZoneOffset.UTC, plain.zoneOr(java.time.ZoneOffset.UTC));
        for (String bad : new String[] { "Mars/Olympus", "+03:00", "GMT+3" }) {
            PointOfSale wrong = new PointOfSale(read.id(), read.name(), read.code(), read.clientId(), null, null, null,
                    null, read.openingHours(), null, null, null, null, null, null, null, null, null, null,
                    read.version(), bad);
            assertEquals("timeZone", assertThrows(ValidationException.class,
                    () -> catalog.savePointOfSale(admin, wrong)).field(), bad);
        }
        assertEquals("Asia/Novosibirsk", catalog.pointOfSale(admin, read.id()).timeZone());
    }

    @Test
    void rejectsBadInputNamingTheFieldAndWritesNothing() {
        Client c = client("Lukoil");
        PointOfSale p = pos("AZS 1", "AZS-1", c.id());
        PointOfSale badLat = new PointOfSale(null, p.name(), p.code(), c.id(), null, null, 95.0, 37.0, Map.of(), null,
                null, null, null, null, null, null, null, null, null, 0);
        assertEquals("latitude", assertThrows(ValidationException.class,
                () -> catalog.savePointOfSale(admin, badLat)).field());
        PointOfSale badHours = new PointOfSale(null, p.name(), p.code(), c.id(), null, null, null, null,
                Map.of("MON", "23:00-07:00"), null, null, null, null, null, null, null, null, null, null, 0);
        assertEquals("openingHours.MON", assertThrows(ValidationException.class,
                () -> catalog.savePointOfSale(admin, badHours)).field());
        PointOfSale noClient = new PointOfSale(null, p.name(), p.code(), 999, null, null, null, null, Map.of(), null,
                null, null, null, null, null, null, null, null, null, 0);
        assertEquals("clientId", assertThrows(ValidationException.class,
                () -> catalog.savePointOfSale(admin, noClient)).field());
        PointOfSale unknownMechanic = new PointOfSale(null, p.name(), p.code(), c.id(), null, null, null, null,
                Map.of(), null, null, null, null, null, null, "nobody", null, null, null, 0);
        assertEquals("serviceMechanic", assertThrows(ValidationException.class,
                () -> catalog.savePointOfSale(admin, unknownMechanic)).field());
        assertEquals(0, catalog.pointsOfSale(admin, CatalogQuery.all()).total());
    }

    @Test
    void serialIsUniquePerFamilyAndHostIsValidated() {
        Client c = client("Lukoil");
        PointOfSale p = catalog.savePointOfSale(admin, pos("AZS 1", "AZS-1", c.id()));
        EquipmentModel m = model();
        assertEquals("wmf", m.family());
        catalog.saveEquipment(admin, machine(m.id(), p.id(), "SN-1", "10.0.0.5"));
        ConflictException dup = assertThrows(ConflictException.class,
                () -> catalog.saveEquipment(admin, machine(m.id(), p.id(), "SN-1", "10.0.0.6")));
        assertTrue(dup.getMessage().contains("SN-1"), dup.getMessage());
        assertEquals("host", assertThrows(ValidationException.class,
                () -> catalog.saveEquipment(admin, machine(m.id(), p.id(), "SN-2", "300.1.1.1"))).field());
        assertEquals("serialNumber", assertThrows(ValidationException.class,
                () -> catalog.saveEquipment(admin, machine(m.id(), p.id(), "SN 2; rm -rf", null))).field());
        assertEquals(1, catalog.equipment(admin, CatalogQuery.all()).total());
    }

    @Test
    void staleVersionIsAConflict() {
        Client c = client("Lukoil");
        Client renamed = catalog.saveClient(admin, new Client(c.id(), "Lukoil PJSC", null, null, null, null, c.version()));
        assertEquals(c.version() + 1, renamed.version());
        assertThrows(ConflictException.class,
                () -> catalog.saveClient(admin, new Client(c.id(), "Other", null, null, null, null, c.version())));
        assertEquals("Lukoil PJSC", catalog.client(admin, c.id()).name());
    }

    @Test
    void clientUserSeesOnlyGrantedClientsEvenByGuessingIds() {
        Client a = client("Alpha");
        Client b = client("Beta");
        PointOfSale pa = catalog.savePointOfSale(admin, pos("A1", "A-1", a.id()));
        PointOfSale pb = catalog.savePointOfSale(admin, pos("B1", "B-1", b.id()));
        EquipmentModel m = model();
        Equipment eb = catalog.saveEquipment(admin, machine(m.id(), pb.id(), "SN-B", "10.0.0.9"));
        Caller alphaStaff = new Caller("alice", EnumSet.of(Role.CLIENT), false, Set.of(a.id()));

        assertEquals(1, catalog.pointsOfSale(alphaStaff, CatalogQuery.all()).total());
        assertEquals(pa.id(), catalog.pointsOfSale(alphaStaff, CatalogQuery.all()).items().get(0).id());
        assertThrows(NotFoundException.class, () -> catalog.pointOfSale(alphaStaff, pb.id()));
        assertThrows(NotFoundException.class, () -> catalog.client(alphaStaff, b.id()));
        assertThrows(NotFoundException.class, () -> catalog.equipment(alphaStaff, eb.id()));
        assertEquals(0, catalog.equipment(alphaStaff, CatalogQuery.all()).total());
        assertTrue(catalog.search(alphaStaff, "SN-B", 10).isEmpty());
        assertTrue(catalog.search(alphaStaff, String.valueOf(pb.id()), 10).stream()
                .noneMatch(h -> h.kind() == SearchHit.Kind.POS));
        assertThrows(AccessDeniedException.class, () -> catalog.saveClient(alphaStaff,
                new Client(null, "Mine", null, null, null, null, 0)));
    }

    @Test
    void searchFindsByIpSerialIdAndName() {
        Client c = client("Gazprom");
        PointOfSale p = catalog.savePointOfSale(admin, pos("Station Tverskaya", "GZ-7", c.id()));
        EquipmentModel m = model();
        Equipment e = catalog.saveEquipment(admin, machine(m.id(), p.id(), "WMF-778899", "192.168.4.20"));
        assertEquals("IP", catalog.search(admin, "192.168.4.20", 10).get(0).matchedOn());
        assertEquals(e.id(), catalog.search(admin, "778899", 10).get(0).id());
        assertTrue(catalog.search(admin, String.valueOf(p.id()), 10).stream()
                .anyMatch(h -> h.kind() == SearchHit.Kind.POS && h.matchedOn().equals("ID")));
        assertEquals(SearchHit.Kind.POS, catalog.search(admin, "tverskaya", 10).get(0).kind());
        assertTrue(catalog.search(admin, "100%_", 10).isEmpty());
    }

    @Test
    void referencedObjectsCannotBeDeleted() {
        Client c = client("Lukoil");
        PointOfSale p = catalog.savePointOfSale(admin, pos("AZS 1", "AZS-1", c.id()));
        assertThrows(ConflictException.class, () -> catalog.deleteClient(admin, c.id()));
        catalog.deletePointOfSale(admin, p.id());
        catalog.deleteClient(admin, c.id());
        assertEquals(0, catalog.clients(admin, CatalogQuery.all()).total());
    }

    @Test
    void filtersEquipmentByClientAndPaginates() {
        Client a = client("Alpha");
        Client b = client("Beta");
        PointOfSale pa = catalog.savePointOfSale(admin, pos("A1", "A-1", a.id()));
        PointOfSale pb = catalog.savePointOfSale(admin, pos("B1", "B-1", b.id()));
        EquipmentModel m = model();
        for (int i = 0; i < 7; i++) {
            catalog.saveEquipment(admin, machine(m.id(), i < 5 ? pa.id() : pb.id(), "SN-" + i, null));
        }
        CatalogQuery q = new CatalogQuery(null, a.id(), null, null, null, new org.coffeecontrol.api.PageRequest(2, 2));
        var page = catalog.equipment(admin, q);
        assertEquals(5, page.total());
        assertEquals(2, page.items().size());
        assertEquals("SN-2", page.items().get(0).serialNumber());
    }
}
