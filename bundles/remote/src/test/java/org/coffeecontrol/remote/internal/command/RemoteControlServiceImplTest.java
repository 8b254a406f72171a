package org.coffeecontrol.remote.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.CommandRun;
import org.coffeecontrol.remote.api.MachineAccess;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteCommand;
import org.coffeecontrol.remote.internal.Fixtures;
import org.coffeecontrol.remote.internal.Harness;
import org.coffeecontrol.remote.internal.transport.TestSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteControlServiceImplTest {

    @TempDir
    Path dir;

    private Harness h;
    private RemoteControlServiceImpl service;
    private final Caller operator = Fixtures.caller("olga", Role.OPERATOR, 1);
    private final Caller support = Fixtures.caller("tom", Role.TECH_SUPPORT, 1, 2);

    @BeforeEach
    void start() throws Exception {
        h = new Harness(dir, Map.of("commandTimeoutSeconds", 1));
        h.answers = line -> switch (line) {
            case "svc ping" -> new TestSshServer.Answer(0, "pong\n");
            case "svc hang" -> null;
            case "svc pin 9999" -> new TestSshServer.Answer(1, "PIN rejected\n");
            default -> new TestSshServer.Answer(0, "ok\n");
        };
        service = new RemoteControlServiceImpl(h.gateway, h.database);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static CommandRun await(CompletableFuture<CommandRun> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    @Test
    void menuShowsWhatTheCallerMayRun() {
        List<RemoteCommand> menu = service.commands(operator, "M1");
        assertEquals(List.of("ping", "reboot", "enter-pin", "last-drinks", "hang"),
                menu.stream().map(RemoteCommand::id).toList());
        assertTrue(menu.get(0).allowed());
        assertFalse(menu.get(1).allowed(), "reboot changes the machine: not for operators by default");
        assertTrue(service.commands(support, "M1").get(1).allowed());
    }

    @Test
    void runIsExecutedAndRecorded() throws Exception {
        CommandRun run = await(service.run(operator, "M1", "ping", Map.of()));
        assertEquals(Outcome.OK, run.outcome());
        assertEquals(0, run.exitCode());
        assertEquals("pong\n", run.output());
        assertEquals(List.of("svc ping"), h.server.received);
        CommandRun stored = service.history(operator, "M1", PageRequest.first(10)).items().get(0);
        assertEquals(run.id(), stored.id());
        assertEquals("olga", stored.username());
        assertEquals("ping", stored.commandId());
        assertEquals("pong\n", stored.output());
        assertTrue(stored.durationMillis() >= 0 && stored.startedAt() != null);
    }

    @Test
    void nonZeroExitIsAFailedRunNotAnException() throws Exception {
        CommandRun run = await(service.run(support, "M1", "enter-pin", Map.of("pin", "9999")));
        assertEquals(Outcome.FAILED, run.outcome());
        assertEquals(1, run.exitCode());
        assertEquals("PIN rejected\n", run.output());
    }

    @Test
    void secretArgumentsAreMaskedInTheHistory() throws Exception {
        await(service.run(support, "M1", "enter-pin", Map.of("pin", "4711")));
        assertEquals(List.of("svc pin 4711"), h.server.received, "the machine gets the PIN");
        CommandRun stored = service.history(support, "M1", PageRequest.first(10)).items().get(0);
        assertEquals(Map.of("pin", "****"), stored.args());
        CommandRun counted = await(service.run(support, "M1", "last-drinks", Map.of("count", "5")));
        assertEquals(Map.of("count", "5"), counted.args(), "ordinary arguments are kept");
    }

    @Test
    void operatorMayNotRunChangingCommandsAndTheAttemptIsRecorded() {
        assertThrows(AccessDeniedException.class, () -> service.run(operator, "M1", "reboot", Map.of()));
        assertTrue(h.server.received.isEmpty());
        CommandRun stored = service.history(operator, "M1", PageRequest.first(10)).items().get(0);
        assertEquals(Outcome.REFUSED, stored.outcome());
        assertEquals("reboot", stored.commandId());
    }

    @Test
    void shellMetacharactersAndUnknownArgumentsNeverReachTheMachine() {
        for (String evil : List.of("1234; reboot", "1234 && rm -rf /", "$(id)", "`id`", "12|34", "1234\nreboot")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> service.run(support, "M1", "enter-pin", Map.of("pin", evil)));
            assertEquals("args", e.field());
            assertFalse(e.getMessage().contains(evil), "a refusal never repeats the value: it may be a PIN");
        }
        assertThrows(ValidationException.class,
                () -> service.run(support, "M1", "last-drinks", Map.of("count", "1", "extra", "x")));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.run(support, "M1", "rm -rf /", Map.of()));
        assertEquals("command", unknown.field());
        assertTrue(h.server.received.isEmpty());
        List<CommandRun> history = service.history(support, "M1", PageRequest.first(20)).items();
        assertEquals(8, history.size());
        assertTrue(history.stream().allMatch(r -> r.outcome() == Outcome.REFUSED));
        assertTrue(history.stream().flatMap(r -> r.args().values().stream()).noneMatch(v -> v.contains("reboot")),
                "refused secret values are not stored");
    }

    @Test
    void invisibleMachineIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.run(operator, "M2", "ping", Map.of()));
        assertThrows(NotFoundException.class, () -> service.commands(operator, "M2"));
        assertThrows(NotFoundException.class, () -> service.history(operator, "M2", PageRequest.first(5)));
    }

    @Test
    void machineWithoutLoginIsNotConfigured() throws Exception {
        h.catalog.add(3, "M3", 1, "test", "127.0.0.1", h.server.port());
        CommandRun run = await(service.run(operator, "M3", "ping", Map.of()));
        assertEquals(Outcome.NOT_CONFIGURED, run.outcome());
        assertTrue(run.message().contains("coffee:credentials"), run.message());
    }

    @Test
    void hungMachineTimesOutAndIsRecordedWhileAnotherAnswers() throws Exception {
        CompletableFuture<CommandRun> hung = service.run(support, "M1", "hang", Map.of());
        CommandRun other = await(service.run(support, "M2", "ping", Map.of()));
        assertEquals(Outcome.OK, other.outcome());
        assertFalse(hung.isDone(), "the hung machine is still within its timeout");
        CommandRun timedOut = await(hung);
        assertEquals(Outcome.TIMEOUT, timedOut.outcome());
        assertNull(timedOut.exitCode());
        assertEquals(Outcome.TIMEOUT, service.history(support, "M1", PageRequest.first(1)).items().get(0).outcome());
    }

    @Test
    void cancelledRunIsRecordedAsCancelled() throws Exception {
        h.gateway.transport().close(); // use a fresh harness with a long timeout instead
        h.close();
        h = new Harness(dir.resolve("second"), Map.of("commandTimeoutSeconds", 30));
        h.answers = line -> null;
        service = new RemoteControlServiceImpl(h.gateway, h.database);
        CompletableFuture<CommandRun> run = service.run(support, "M1", "hang", Map.of());
        Thread.sleep(300);
        run.cancel(true);
        long deadline = System.currentTimeMillis() + 5000;
        while (service.history(support, "M1", PageRequest.first(1)).items().isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(Outcome.CANCELLED, service.history(support, "M1", PageRequest.first(1)).items().get(0).outcome());
    }

    @Test
    void credentialsAreStoredEncryptedAndNeverShown() throws Exception {
        MachineAccess access = service.setCredentials(support, "M1", "M1", "pw1".toCharArray());
        assertEquals("M1", access.username());
        assertTrue(access.passwordSet());
        assertEquals("tom", access.credentialsUpdatedBy());
        assertFalse(access.toString().contains("pw1"));
        String stored = h.database.jdbc().one("SELECT secret FROM cc_remote_credentials WHERE equipment_id = 1",
                rs -> rs.getString(1)).orElseThrow();
        assertFalse(stored.contains("pw1"));
        assertThrows(AccessDeniedException.class, () -> service.setCredentials(operator, "M1", "x", "y".toCharArray()));
        assertThrows(ValidationException.class, () -> service.setCredentials(support, "M1", "a b", "y".toCharArray()));
        // a wrong password is an AUTH_FAILED run, with no trace of the password
        service.setCredentials(support, "M1", "M1", "Bad-Secret-7".toCharArray());
        CommandRun run = await(service.run(support, "M1", "ping", Map.of()));
        assertEquals(Outcome.AUTH_FAILED, run.outcome());
        assertFalse(run.message().contains("Bad-Secret-7"));
        assertTrue(Files.exists(dir.resolve("key/credentials.key")));
    }

    @Test
    void onlyAdminsForgetHostKeys() throws Exception {
        await(service.run(support, "M1", "ping", Map.of()));
        assertTrue(service.access(support, "M1").hostKeyFingerprint().startsWith("SHA256:"));
        assertThrows(AccessDeniedException.class, () -> service.forgetHostKey(support, "M1"));
        assertNull(service.forgetHostKey(h.admin(), "M1").hostKeyFingerprint());
    }
}
