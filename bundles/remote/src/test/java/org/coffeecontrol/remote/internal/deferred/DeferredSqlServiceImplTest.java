package org.coffeecontrol.remote.internal.deferred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.telemetry.MachineJob;
import org.coffeecontrol.api.telemetry.PolledMachine;
import org.coffeecontrol.remote.api.DeferredQuery;
import org.coffeecontrol.remote.api.DeferredState;
import org.coffeecontrol.remote.internal.Fixtures;
import org.coffeecontrol.remote.internal.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredSqlServiceImplTest {

    @TempDir
    Path dir;
    Harness h;
    DeferredSqlServiceImpl service;
    Path m1Folder;
    final PolledMachine m1 = new PolledMachine(1, "test", "M1");

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(dir, Map.of("deferredRoot", dir.resolve("Data").toString(), "deferredRedeliverSeconds", 1));
        service = new DeferredSqlServiceImpl(h.gateway, h.database);
        // the catalogue double names the model "<family> model"
        m1Folder = dir.resolve("Data").resolve("test model").resolve("M1");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void aDroppedFileIsHandedOutAtThePollRenamedAndItsResultKept() throws Exception {
        Files.createDirectories(m1Folder);
        Files.writeString(m1Folder.resolve("counters.txt"), "Fast ID 17\nSELECT product, price FROM recipes\n");

        List<DeferredQuery> listed = service.list(h.admin(), "M1");
        assertEquals(1, listed.size());
        assertEquals(DeferredState.PENDING, listed.get(0).state());
        assertEquals("17", listed.get(0).fastId());
        assertEquals("file", listed.get(0).createdBy());

        List<MachineJob> jobs = service.poll(m1);
        assertEquals(1, jobs.size());
        MachineJob job = jobs.get(0);
        assertEquals("sql", job.type());
        assertEquals("SELECT product, price FROM recipes", job.fields().get("sql"));
        assertEquals("17", job.fields().get("fastId"));
        assertFalse(Files.exists(m1Folder.resolve("counters.txt")));
        assertEquals("Fast ID 17\nSELECT product, price FROM recipes\n",
                Files.readString(m1Folder.resolve("counters.sendtxt")));
        assertEquals(DeferredState.DELIVERED, service.list(h.admin(), "M1").get(0).state());
        assertTrue(service.poll(m1).isEmpty(), "not handed out twice while the machine works on it");

        assertTrue(service.complete(m1, job.id(), true,
                "PRODUCT\tPRICE\nEspresso\t105.00\nLatte 200\t230.00\n(2 rows)\n".getBytes(StandardCharsets.UTF_8)));
        DeferredQuery done = service.get(h.admin(), listed.get(0).id());
        assertEquals(DeferredState.DONE, done.state());
        assertEquals(List.of("PRODUCT", "PRICE"), done.columns());
        assertEquals(List.of(List.of("Espresso", "105.00"), List.of("Latte 200", "230.00")), done.rows());
        assertTrue(service.complete(m1, job.id(), true, "again".getBytes()), "a repeated upload is acknowledged");
        assertEquals(List.of("PRODUCT", "PRICE"), service.get(h.admin(), done.id()).columns(), "and changes nothing");
        assertTrue(service.poll(m1).isEmpty());
    }

    @Test
    void aFileWithoutFastIdIsKeptAsInvalidAndNeverSent() throws Exception {
        Files.createDirectories(m1Folder);
        Files.writeString(m1Folder.resolve("oops.txt"), "SELECT * FROM recipes\n");
        Files.writeString(m1Folder.resolve("ddl.txt"), "Fast ID 3\nDROP TABLE recipes\n");

        assertTrue(service.poll(m1).isEmpty());
        List<DeferredQuery> listed = service.list(h.admin(), "M1");
        assertEquals(2, listed.size());
        for (DeferredQuery q : listed) {
            assertEquals(DeferredState.INVALID, q.state());
        }
        DeferredQuery noId = listed.stream().filter(q -> q.fileName().equals("oops.txt")).findFirst().orElseThrow();
        assertTrue(noId.message().contains("Fast ID"), noId.message());
        DeferredQuery ddl = listed.stream().filter(q -> q.fileName().equals("ddl.txt")).findFirst().orElseThrow();
        assertTrue(ddl.message().contains("DROP"), ddl.message());
        assertEquals("SELECT * FROM recipes\n", Files.readString(m1Folder.resolve("oops.invalid")), "nothing lost");
        assertTrue(service.poll(m1).isEmpty());
    }

    @Test
    void createdQueriesAreFilesInTheFolderAndBadOnesAreRefused() throws Exception {
        DeferredQuery q = service.create(h.admin(), "M1", "Fast ID 42\nSELECT COUNT(*) FROM drinks");
        assertEquals(DeferredState.PENDING, q.state());
        assertEquals("fast-42.txt", q.fileName());
        assertEquals("Fast ID 42\nSELECT COUNT(*) FROM drinks\n", Files.readString(m1Folder.resolve("fast-42.txt")));
        assertEquals("system", q.createdBy());
        DeferredQuery again = service.create(h.admin(), "M1", "Fast ID 42\nVALUES 1");
        assertEquals("fast-42-2.txt", again.fileName(), "an existing file is never overwritten");

        ValidationException noFastId = assertThrows(ValidationException.class,
                () -> service.create(h.admin(), "M1", "SELECT 1 FROM drinks"));
        assertEquals("content", noFastId.field());
        assertEquals("content", assertThrows(ValidationException.class,
                () -> service.create(h.admin(), "M1", "Fast ID 1\nSELECT 1 FROM a; DELETE FROM drinks")).field());
        assertThrows(NotFoundException.class, () -> service.create(h.admin(), "NOPE", "Fast ID 1\nVALUES 1"));
        assertEquals(2, service.list(h.admin(), "M1").size(), "refused ones leave nothing behind");
        assertEquals(2, service.poll(m1).size());
    }

    @Test
    void anUnansweredJobIsHandedOutAgainAndResultsBelongToTheirMachine() throws Exception {
        DeferredQuery q = service.create(h.admin(), "M1", "Fast ID 5\nVALUES 1");
        MachineJob job = service.poll(m1).get(0);
        Thread.sleep(1100);
        List<MachineJob> again = service.poll(m1);
        assertEquals(List.of(job.id()), again.stream().map(MachineJob::id).toList());
        assertEquals(2, service.get(h.admin(), q.id()).deliveries());

        PolledMachine m2 = new PolledMachine(2, "test", "M2");
        assertFalse(service.complete(m2, job.id(), true, "1\n".getBytes()), "M2 cannot answer M1's job");
        assertFalse(service.complete(m1, "promo-1", true, new byte[0]), "not a deferred SQL job");
        assertTrue(service.complete(m1, job.id(), false, "SQL error: Table 'X' does not exist.".getBytes()));
        DeferredQuery failed = service.get(h.admin(), q.id());
        assertEquals(DeferredState.FAILED, failed.state());
        assertTrue(failed.message().contains("does not exist"));
    }

    @Test
    void rolesAndClientVisibilityAreChecked() throws Exception {
        DeferredQuery q = service.create(h.admin(), "M1", "Fast ID 9\nVALUES 1");
        assertThrows(AccessDeniedException.class,
                () -> service.list(Fixtures.caller("op", Role.OPERATOR, 1), "M1"));
        assertThrows(NotFoundException.class, () -> service.get(Fixtures.caller("ts2", Role.TECH_SUPPORT, 2), q.id()));
        assertThrows(NotFoundException.class, () -> service.list(Fixtures.caller("ts2", Role.TECH_SUPPORT, 2), "M1"));
        assertEquals(q.id(), service.get(Fixtures.caller("ts1", Role.TECH_SUPPORT, 1), q.id()).id());
    }

    @Test
    void modelNamesCannotLeaveTheRoot() {
        assertEquals("_", DeferredSqlServiceImpl.safe(".."));
        assertEquals("a_b", DeferredSqlServiceImpl.safe("a/b"));
        assertEquals("WMF 1500S+", DeferredSqlServiceImpl.safe("WMF 1500S+"));
    }
}
