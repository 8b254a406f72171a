package org.coffeecontrol.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.FleetFile;
import org.coffeecontrol.api.catalog.FleetImportReport;
import org.coffeecontrol.api.catalog.FleetImportReport.RowError;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.core.internal.db.TestDatabase;
import org.coffeecontrol.core.internal.telemetry.MachineSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetImporterTest {

    private static final String HEADER = "client,client_code,region,pos_code,pos_name,address,latitude,longitude,"
            + "opening_hours,time_zone,family,model,serial,host,secret\n";
    private static final String SECRET = "0123456789abcdef-secret";

    private TestDatabase tdb;
    private CatalogServiceImpl catalog;
    private FleetImporter importer;
    private final Caller admin = Caller.system();

    @BeforeEach
    void setUp() throws Exception {
        tdb = new TestDatabase();
        catalog = new CatalogServiceImpl(tdb.db);
        importer = new FleetImporter(tdb.db);
    }

    @AfterEach
    void tearDown() {
        tdb.close();
    }

    private FleetImportReport run(String csv) {
        return importer.importFleet(admin, FleetFile.csv(HEADER + csv), false);
    }

    private static final String FLEET = """
            Volga Petrol,VP,Volga,VP-1,Volga 1,"Samara, Moskovskoe sh.",53.2,50.1,MON-FRI=07:00-22:00;SAT-SUN=closed,Europe/Samara,wmf,WMF 1500S+,W-1,10.0.0.1,%s
            Volga Petrol,,Volga,VP-1,,,,,,,,WMF 1500S+,W-2,10.0.0.2,
            volga petrol,,,VP-2,Volga 2,,,,,,thermoplan,Black&White 4,T-1,,
            Sib Oil,,,SO-1,Sib 1,,55.0,82.9,,Asia/Novosibirsk,,,,,
            """.formatted(SECRET);

    @Test
    void aFleetIsCreatedOnceAndAnIdenticalReimportChangesNothing() {
        FleetImportReport first = run(FLEET);
        assertEquals(List.of(), first.errors());
        assertTrue(first.written());
        assertEquals(new FleetImportReport.Counts(2, 1, 2, 3, 3), first.created());

        PointOfSale vp1 = catalog.pointsOfSale(admin, CatalogQuery.text("VP-1")).items().get(0);
        assertEquals("Samara, Moskovskoe sh.", vp1.address());
        assertEquals("Europe/Samara", vp1.timeZone());
        assertEquals("closed", vp1.openingHours().get("SUN"));
        assertEquals("07:00-22:00", vp1.openingHours().get("FRI"));
        List<Equipment> atVp1 = catalog.equipment(admin, new CatalogQuery(null, null, null, vp1.id(), null,
                PageRequest.first(100))).items();
        assertEquals(List.of("W-1", "W-2"), atVp1.stream().map(Equipment::serialNumber).sorted().toList());
        String hash = tdb.db.read(em -> em.find(EquipmentEntity.class, atVp1.stream()
                .filter(e -> e.serialNumber().equals("W-1")).findFirst().orElseThrow().id()).telemetrySecretHash);
        assertEquals(MachineSecret.hash(SECRET), hash);
        assertEquals(1, catalog.clients(admin, CatalogQuery.text("volga")).total(), "matched by name, any case");

        FleetImportReport again = run(FLEET);
        assertEquals(new FleetImportReport.Counts(0, 0, 0, 0, 0), again.created());
        assertEquals(new FleetImportReport.Counts(0, 0, 0, 0, 0), again.updated());
        assertEquals(3, catalog.pointsOfSale(admin, CatalogQuery.all()).total());
        assertEquals(vp1.version(), catalog.pointOfSale(admin, vp1.id()).version(), "not even touched");
    }

    @Test
    void aChangedCellUpdatesOnlyThatFieldAndMovesAMachine() {
        run(FLEET);
        FleetImportReport r = run("Volga Petrol,,,VP-1,,,,,,Asia/Yekaterinburg,,,,,\n"
                + "Volga Petrol,,,VP-2,,,,,,,,WMF 1500S+,W-2,,\n");
        assertEquals(List.of(), r.errors());
        assertEquals(new FleetImportReport.Counts(0, 0, 0, 1, 1), r.updated(), "VP-1's zone; W-2 to VP-2");
        PointOfSale vp1 = catalog.pointsOfSale(admin, CatalogQuery.text("VP-1")).items().get(0);
        assertEquals("Asia/Yekaterinburg", vp1.timeZone());
        assertEquals("Samara, Moskovskoe sh.", vp1.address(), "an empty cell leaves the field");
    }

    @Test
    void badRowsAreAllReportedAndNothingIsWritten() {
        FleetImportReport r = run("""
                Volga Petrol,,,VP-1,Volga 1,,91,50.1,,,wmf,WMF 1500S+,W-1,,
                Volga Petrol,,,VP-1,Other name,,,,,,,,,,
                ,,,VP-3,Volga 3,,,,,,,,,,
                Volga Petrol,,,VP-4,Volga 4,,,,MON=22:00-07:00,Mars/Olympus,,,,,
                Volga Petrol,,,VP-5,Volga 5,,,,,,,Unknown model,X-1,,
                Volga Petrol,,,VP-5,,,,,,,,WMF 1500S+,W-1,,short
                """);
        assertFalse(r.written());
        assertEquals(0, r.chunks());
        List<String> got = new ArrayList<>();
        for (RowError e : r.errors()) {
            got.add(e.row() + " " + e.field());
        }
        assertEquals(List.of("1 latitude", "2 pos_name", "3 client", "4 opening_hours", "4 time_zone", "5 family", "6 secret",
                "6 serial"), got.stream().sorted().toList(), r.errors().toString());
        assertEquals(0, catalog.clients(admin, CatalogQuery.all()).total(), "nothing half-written");
        assertEquals(0, catalog.pointsOfSale(admin, CatalogQuery.all()).total());
    }

    @Test
    void aPosOfAnotherClientIsNotMovedAndZoneErrorsNameTheColumn() {
        run(FLEET);
        FleetImportReport r = run("Sib Oil,,,VP-1,,,,,,,,,,,\nSib Oil,,,SO-1,,,,,,Mars/Olympus,,,,,\n");
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertEquals("client", r.errors().get(0).field());
        assertEquals("time_zone", r.errors().get(1).field());
        assertEquals(2, r.errors().get(1).row());
    }

    @Test
    void aDryRunCountsButWritesNothingAndOnlyAdminsImport() {
        FleetImportReport dry = importer.importFleet(admin, FleetFile.csv(HEADER + FLEET), true);
        assertEquals(3, dry.created().pointsOfSale());
        assertFalse(dry.written());
        assertEquals(0, catalog.pointsOfSale(admin, CatalogQuery.all()).total());
        Caller serviceAdmin = new Caller("sa", EnumSet.of(Role.SERVICE_ADMIN), true, Set.of());
        assertThrows(AccessDeniedException.class, () -> importer.importFleet(serviceAdmin,
                FleetFile.csv(HEADER + FLEET), false));
    }

    @Test
    void moreRowsThanAChunkAreWrittenInSeveralTransactions() {
        StringBuilder csv = new StringBuilder();
        int n = FleetImporter.CHUNK_ROWS + 20;
        for (int i = 0; i < n; i++) {
            csv.append("Big Client,,,B-").append(i).append(",Shop ").append(i)
                    .append(",,,,,,wmf,WMF 1500S+,S-").append(i).append(",,\n");
        }
        FleetImportReport r = run(csv.toString());
        assertEquals(List.of(), r.errors());
        assertEquals(2, r.chunks());
        assertEquals(n, catalog.equipment(admin, CatalogQuery.all()).total());
    }
}
