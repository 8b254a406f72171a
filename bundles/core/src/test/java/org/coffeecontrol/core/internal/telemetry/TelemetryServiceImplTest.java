package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.telemetry.DeadLetter;
import org.coffeecontrol.api.telemetry.IngestResult;
import org.coffeecontrol.api.telemetry.IngestResult.Status;
import org.coffeecontrol.api.telemetry.ReplayResult;
import org.coffeecontrol.core.internal.catalog.CatalogServiceImpl;
import org.coffeecontrol.core.internal.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryServiceImplTest {

    static final String SECRET = "machine-secret-0123456789";
    private TestDatabase tdb;
    private TelemetryServiceImpl telemetry;
    private long machineId;
    private final Caller admin = Caller.system();

    @BeforeEach
    void setUp() throws Exception {
        tdb = new TestDatabase();
        CatalogServiceImpl catalog = new CatalogServiceImpl(tdb.db);
        Client c = catalog.saveClient(admin, new Client(null, "C", null, null, null, null, 0));
        PointOfSale p = catalog.savePointOfSale(admin, new PointOfSale(null, "P", null, c.id(), null, null, null, null,
                Map.of(), null, null, null, null, null, null, null, null, null, null, 0));
        EquipmentModel m = catalog.saveModel(admin, new EquipmentModel(null, "M", null, null, "line", false, false, 0));
        machineId = catalog.saveEquipment(admin, new Equipment(null, m.id(), "SN1", p.id(), null, null, null, null,
                false, null, 0)).id();
        telemetry = new TelemetryServiceImpl(tdb.db, catalog);
        telemetry.setMachineSecret(admin, machineId, SECRET);
    }

    @AfterEach
    void tearDown() {
        telemetry.deactivate();
        tdb.close();
    }

    @Test
    void storesOnceAndAcknowledgesResendsAsDuplicates() throws Exception {
        telemetry.addDriver(new LineDriver("line"));
        IngestResult first = telemetry.ingest("line", "SN1", SECRET, "text/plain", LineDriver.batch(1, 100));
        assertEquals(Status.STORED, first.status());
        assertEquals(100, first.accepted());
        assertEquals(100, first.lastSeq());
        IngestResult overlap = telemetry.ingest("line", "SN1", SECRET, "text/plain", LineDriver.batch(51, 100));
        assertEquals(50, overlap.accepted());
        assertEquals(50, overlap.duplicates());
        assertEquals(150, tdb.count("SELECT COALESCE(SUM(events), 0) FROM cc_event_segment"));
        assertEquals(150, tdb.count("SELECT last_seq FROM cc_machine_contact"));
        assertEquals(150, telemetry.lastEvents(admin, machineId, 5).get(0).seq());
    }

    @Test
    void concurrentResendsOfTheSameMachineStoreEachEventOnce() throws Exception {
        telemetry.addDriver(new LineDriver("line"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<IngestResult>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long from = (i % 10) * 50L + 1;
            results.add(pool.submit(() -> telemetry.ingest("line", "SN1", SECRET, "text/plain", LineDriver.batch(from, 100))));
        }
        int accepted = 0;
        for (Future<IngestResult> f : results) {
            accepted += f.get().accepted();
        }
        pool.shutdown();
        assertEquals(550, tdb.count("SELECT COALESCE(SUM(events), 0) FROM cc_event_segment"));
        assertEquals(550, accepted);
    }

    @Test
    void keepsWhatCannotBeStoredAndReplaysItOnceADriverArrives() throws Exception {
        IngestResult noDriver = telemetry.ingest("line", "SN1", SECRET, "text/plain", LineDriver.batch(1, 10));
        assertEquals(Status.DEAD_LETTERED, noDriver.status());
        assertNotNull(noDriver.deadLetterId());
        assertEquals(0, tdb.count("SELECT COALESCE(SUM(events), 0) FROM cc_event_segment"));

        LineDriver driver = new LineDriver("line");
        telemetry.addDriver(driver);
        IngestResult garbage = telemetry.ingest("line", "SN1", SECRET, "text/plain",
                "1 abc\u0000\u0001".getBytes(StandardCharsets.UTF_8));
        assertEquals(Status.REJECTED, garbage.status());
        assertTrue(garbage.message().contains("line 1"), garbage.message());

        DeadLetter kept = telemetry.deadLetter(admin, noDriver.deadLetterId());
        assertEquals(DeadLetter.State.PENDING, kept.state());
        ReplayResult replay = telemetry.replayAll(admin, "line");
        assertEquals(1, replay.replayed());
        assertEquals(1, replay.stillPending(), "the garbage stays pending with its reason");
        assertEquals(10, tdb.count("SELECT COALESCE(SUM(events), 0) FROM cc_event_segment"));
        assertEquals(DeadLetter.State.REPLAYED, telemetry.deadLetter(admin, noDriver.deadLetterId()).state());
        assertEquals(1, telemetry.purge(admin, null));

        telemetry.removeDriver(driver);
        assertEquals(Status.DEAD_LETTERED,
                telemetry.ingest("line", "SN1", SECRET, "text/plain", LineDriver.batch(11, 1)).status());
    }

    @Test
    void refusesUnknownMachinesWrongSecretsAndOversizedBatches() throws Exception {
        telemetry.addDriver(new LineDriver("line"));
        IngestResult unknown = telemetry.ingest("line", "NOPE", SECRET, "text/plain", LineDriver.batch(1, 1));
        assertEquals(Status.UNKNOWN_MACHINE, unknown.status());
        assertNotNull(unknown.deadLetterId(), "payload of an unknown machine is kept");
        assertEquals(Status.UNAUTHORIZED,
                telemetry.ingest("line", "SN1", "wrong-secret-xxxxxxxx", "text/plain", LineDriver.batch(1, 1)).status());
        assertEquals(Status.UNAUTHORIZED, telemetry.ingest("line", "SN1", null, "text/plain", LineDriver.batch(1, 1)).status());
        assertEquals(Status.TOO_LARGE, telemetry.ingest("line", "SN1", SECRET, "text/plain",
                new byte[org.coffeecontrol.api.telemetry.TelemetryService.MAX_BATCH_BYTES + 1]).status());
        assertEquals(0, tdb.count("SELECT COALESCE(SUM(events), 0) FROM cc_event_segment"));
        assertEquals(1, tdb.count("SELECT COUNT(*) FROM cc_dead_letter"));
    }

    @Test
    void authenticatesMachinesForTheirOtherEndpoints() {
        var machine = telemetry.authenticate("LINE", "SN1", SECRET).orElseThrow();
        assertEquals(machineId, machine.equipmentId());
        assertEquals("line", machine.family());
        assertEquals("SN1", machine.serial());
        assertTrue(telemetry.authenticate("line", "SN1", "wrong-secret-xxxxxxxx").isEmpty());
        assertTrue(telemetry.authenticate("line", "SN1", null).isEmpty());
        assertTrue(telemetry.authenticate("line", "NOPE", SECRET).isEmpty());
        assertTrue(telemetry.authenticate(null, null, SECRET).isEmpty());
    }
}
