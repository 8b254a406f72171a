package org.coffeecontrol.tickets.internal.intraservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.util.List;

import org.coffeecontrol.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IntraserviceClientTest {

    private FakeIntraservice fake;
    private IntraserviceClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeIntraservice("coffee", "s3cret");
        client = new IntraserviceClient(new IntraserviceClient.Settings(fake.url(), "coffee", "s3cret",
                FakeIntraservice.CLIENT_TIMEOUT_MILLIS));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void listsChangedTasksAcrossPagesAndOnlyNewerOnes() {
        for (int i = 0; i < 230; i++) {
            fake.add("Задача " + i, "MSK-017 не работает", 31);
        }
        List<IntraserviceTask> all = client.changedSince(null);
        assertEquals(230, all.size());
        assertEquals("Задача 229", all.get(229).name());
        assertEquals(3, fake.requests.stream().filter(r -> r.startsWith("GET /api/task?")).count(), "three pages");
        fake.clock = fake.clock.plusMinutes(5);
        fake.change(all.get(7).id(), 27);
        List<IntraserviceTask> changed = client.changedSince(LocalDateTime.parse("2026-03-02T09:01:00"));
        assertEquals(1, changed.size());
        assertEquals(27, changed.get(0).statusId());
        assertEquals(LocalDateTime.parse("2026-03-02T09:05:00"), changed.get(0).changed());
    }

    @Test
    void createsReadsAndChangesStatusWithAComment() {
        long id = client.create("T000042: АЗС 17, ошибка E7", "Заявка Coffee Control T000042", 7, 12, 31);
        IntraserviceTask t = client.task(id);
        assertEquals("T000042: АЗС 17, ошибка E7", t.name());
        assertEquals(31, t.statusId());
        client.setStatus(id, 29, "Выполнено: заменён заварочный блок");
        assertEquals(29, client.task(id).statusId());
        assertEquals(List.of(id + ": Выполнено: заменён заварочный блок"), fake.comments);
        IntraserviceException noType = assertThrows(IntraserviceException.class, () -> client.create("n", "d", 7,
                null, 31));
        assertEquals(400, noType.status());
        assertTrue(noType.getMessage().contains("The request is invalid. (TypeId is required)"), noType.getMessage());
    }

    @Test
    void httpErrorsCarryTheServersMessage() {
        IntraserviceException missing = assertThrows(IntraserviceException.class, () -> client.task(99));
        assertEquals(404, missing.status());
        assertTrue(missing.getMessage().contains("Task 99 not found"), missing.getMessage());
        IntraserviceClient wrong = new IntraserviceClient(new IntraserviceClient.Settings(fake.url(), "coffee",
                "nope", FakeIntraservice.CLIENT_TIMEOUT_MILLIS));
        IntraserviceException denied = assertThrows(IntraserviceException.class, () -> wrong.changedSince(null));
        assertEquals(401, denied.status());
        assertTrue(denied.getMessage().contains("denied"), denied.getMessage());
    }

    @Test
    void malformedAnswersAreRejectedWithAReason() {
        String[][] cases = {
                { "<html>Service Unavailable</html>", "not JSON" },
                { "[1,2]", "not a JSON object" },
                { "{\"Items\":[]}", "without a 'Tasks' array" },
                { "{\"Tasks\":[{\"Name\":\"x\",\"StatusId\":1}]}", "without a positive 'Id'" },
                { "{\"Tasks\":[{\"Id\":5,\"Name\":\"x\",\"StatusId\":\"open\"}]}", "without a numeric 'StatusId'" },
                { "{\"Tasks\":[{\"Id\":5,\"StatusId\":1}]}", "without a 'Name'" },
                { "{\"Tasks\":[{\"Id\":5,\"Name\":\"x\",\"StatusId\":1,\"Changed\":\"yesterday\"}]}",
                        "'Changed' is not a date" } };
        for (String[] c : cases) {
            fake.cannedStatus = 200;
            fake.cannedBody = c[0];
            IntraserviceException e = assertThrows(IntraserviceException.class, () -> client.changedSince(null),
                    c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " → " + e.getMessage());
        }
        fake.cannedBody = "{\"Task\":{}}";
        assertTrue(assertThrows(IntraserviceException.class, () -> client.create("n", "d", 7, 12, 31)).getMessage()
                .contains("positive 'Task.Id'"));
        // some versions answer the new task's id at the top level
        fake.cannedBody = "{\"Id\":4711}";
        assertEquals(4711, client.create("n", "d", 7, 12, 31));
        fake.cannedStatus = 500;
        fake.cannedBody = "boom";
        assertTrue(assertThrows(IntraserviceException.class, () -> client.task(1)).getMessage()
                .contains("HTTP 500 — boom"));
    }

    @Test
    void unreachableAndBadSettingsAreClear() {
        fake.close();
        IntraserviceException down = assertThrows(IntraserviceException.class, () -> client.changedSince(null));
        assertTrue(down.getMessage().contains("unreachable"), down.getMessage());
        assertEquals("url", assertThrows(ValidationException.class, () -> new IntraserviceClient(
                new IntraserviceClient.Settings("ftp://x", "u", "p", 1000))).field());
        assertEquals("url", assertThrows(ValidationException.class, () -> new IntraserviceClient(
                new IntraserviceClient.Settings(" ", "u", "p", 1000))).field());
    }

    @Test
    @Timeout(120)
    void aServerThatNeverAnswersIsUnreachableAfterTheTimeOut() throws Exception {
        // the kernel completes the connection into the backlog; nobody ever reads the request
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            IntraserviceClient impatient = new IntraserviceClient(new IntraserviceClient.Settings("http://"
                    + silent.getInetAddress().getHostAddress() + ":" + silent.getLocalPort() + "/", "coffee",
                    "s3cret", 1000));
            long started = System.nanoTime();
            IntraserviceException e = assertThrows(IntraserviceException.class, () -> impatient.changedSince(null));
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(e.getMessage().contains("unreachable") && e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(waitedMillis >= 900, "gave up after " + waitedMillis + " ms, before the 1 s time-out");
        }
    }
}
