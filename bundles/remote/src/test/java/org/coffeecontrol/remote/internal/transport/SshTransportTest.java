package org.coffeecontrol.remote.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RemoteOperationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshTransportTest {

    @TempDir
    Path root;

    private TestSshServer server;
    private MapHostKeyStore keys;
    private SshTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = new TestSshServer(root, line -> switch (line) {
            case "hang" -> null;
            case "fail" -> new TestSshServer.Answer(3, "nope\n");
            default -> new TestSshServer.Answer(0, "ran " + line + "\n");
        }).user("M1", "secret1").user("M2", "secret2");
        keys = new MapHostKeyStore();
        transport = new SshTransport(new TransportSettings(Duration.ofSeconds(3), 4, 2, 16, 1024, Duration.ofSeconds(30)), keys);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        server.close();
    }

    private SshTarget target(long id, String user, String password) {
        return new SshTarget(id, user, "127.0.0.1", server.port(), user, password.toCharArray());
    }

    private static RemoteOperationException failure(CompletableFuture<?> f) throws InterruptedException {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(RemoteOperationException.class, e.getCause());
    }

    @Test
    void execReturnsExitCodeAndOutputAndPinsTheHostKey() throws Exception {
        ExecResult ok = transport.exec(target(1, "M1", "secret1"), "ping", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals(0, ok.exitCode());
        assertEquals("ran ping\n", ok.stdout());
        ExecResult failed = transport.exec(target(1, "M1", "secret1"), "fail", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals(3, failed.exitCode());
        assertTrue(keys.pinned(1).orElseThrow().fingerprint().startsWith("SHA256:"));
    }

    @Test
    void outputBeyondTheLimitIsCutAndMarked() throws Exception {
        server.close();
        server = new TestSshServer(root, line -> new TestSshServer.Answer(0, "x".repeat(5000))).user("M1", "secret1");
        ExecResult r = transport.exec(target(1, "M1", "secret1"), "big", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals(1024, r.stdout().length());
        assertTrue(r.truncated());
    }

    @Test
    void wrongPasswordIsAuthFailed() throws Exception {
        RemoteOperationException e = failure(transport.exec(target(1, "M1", "Bad-Secret-7"), "ping", Duration.ofSeconds(5)));
        assertEquals(Outcome.AUTH_FAILED, e.outcome());
        assertFalse(e.getMessage().contains("Bad-Secret-7"), e.getMessage());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SshTarget nowhere = new SshTarget(9, "M9", "127.0.0.1", port, "M9", "x".toCharArray());
        assertEquals(Outcome.UNREACHABLE, failure(transport.exec(nowhere, "ping", Duration.ofSeconds(5))).outcome());
    }

    @Test
    void changedHostKeyIsRefusedWithAClearMessage() throws Exception {
        transport.exec(target(1, "M1", "secret1"), "ping", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        String pinned = keys.pinned(1).orElseThrow().fingerprint();
        TestSshServer impostor = new TestSshServer(root, line -> new TestSshServer.Answer(0, "evil")).user("M1", "secret1");
        try {
            SshTarget same = new SshTarget(1, "M1", "127.0.0.1", impostor.port(), "M1", "secret1".toCharArray());
            RemoteOperationException e = failure(transport.exec(same, "ping", Duration.ofSeconds(5)));
            assertEquals(Outcome.HOST_KEY_REJECTED, e.outcome());
            assertTrue(e.getMessage().contains("has changed") && e.getMessage().contains(pinned), e.getMessage());
            assertTrue(impostor.received.isEmpty(), "nothing may reach a machine whose key does not match");
            // the pin stays as it was
            assertEquals(pinned, keys.pinned(1).orElseThrow().fingerprint());
            // a forgotten pin is replaced on the next connection
            keys.forget(1);
            assertEquals("evil", transport.exec(same, "ping", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS).stdout());
        } finally {
            impostor.close();
        }
    }

    @Test
    void hungMachineTimesOutWhileOthersAnswer() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<ExecResult> hung = transport.exec(target(1, "M1", "secret1"), "hang", Duration.ofMillis(3000));
        CompletableFuture<ExecResult> hung2 = transport.exec(target(1, "M1", "secret1"), "hang", Duration.ofMillis(3000));
        // two hung operations fill M1's slots: a third is refused at once rather than queued behind them
        RemoteOperationException busy = failure(transport.exec(target(1, "M1", "secret1"), "ping", Duration.ofSeconds(5)));
        assertEquals(Outcome.BUSY, busy.outcome());
        List<CompletableFuture<ExecResult>> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // six machines (equipment ids), all answering as M2 on the same server
            others.add(transport.exec(target(10 + i, "M2", "secret2"), "ping", Duration.ofSeconds(5)));
        }
        for (CompletableFuture<ExecResult> f : others) {
            assertEquals(0, f.get(10, TimeUnit.SECONDS).exitCode());
        }
        long othersDone = (System.nanoTime() - start) / 1_000_000;
        assertFalse(hung.isDone() || hung2.isDone(), "the others answered while the hung machine was still pending");
        assertEquals(Outcome.TIMEOUT, failure(hung).outcome());
        assertEquals(Outcome.TIMEOUT, failure(hung2).outcome());
        long hungDone = (System.nanoTime() - start) / 1_000_000;
        assertTrue(othersDone < 3000, "other machines answered after " + othersDone + " ms");
        assertTrue(hungDone >= 3000 && hungDone < 8000, "hung machine failed after " + hungDone + " ms");
        // its slots are free again once the sessions are closed
        Thread.sleep(200);
        assertEquals(0, transport.exec(target(1, "M1", "secret1"), "ping", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS).exitCode());
    }

    @Test
    void cancellingClosesTheSessionAndFreesTheSlot() throws Exception {
        CompletableFuture<ExecResult> hung = transport.exec(target(1, "M1", "secret1"), "hang", Duration.ofSeconds(30));
        Thread.sleep(300);
        assertTrue(hung.cancel(true));
        assertThrows(CancellationException.class, hung::join);
        long deadline = System.currentTimeMillis() + 5000;
        while (transport.inFlight() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, transport.inFlight(), "the worker must be released by the cancel, not by the 30 s timeout");
    }

    @Test
    void idleSessionIsReusedAndReplacedWhenLost() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, transport.exec(target(1, "M1", "secret1"), "ping", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS).exitCode());
        }
        assertEquals(1, server.logins.get(), "one login for three commands");
        // a changed password is never served by the old session
        server.user("M1", "secret2");
        assertEquals(Outcome.AUTH_FAILED, failure(transport.exec(target(1, "M1", "secret1x"), "ping", Duration.ofSeconds(5))).outcome());
        // the machine restarts: the kept session is dead, the command runs once on a new one
        int port = server.port();
        server.close();
        server = new TestSshServer(root, line -> new TestSshServer.Answer(0, "again\n"), TestSshServer.newKey(), port).user("M1", "secret1");
        keys.forget(1);
        ExecResult r = transport.exec(target(1, "M1", "secret1"), "ping", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals("again\n", r.stdout());
        assertEquals(List.of("ping"), server.received, "run exactly once");
    }

    /**
     * A hung controller takes the login, then never starts SFTP. Before, SSHD's own 15 s start-up wait ended such a
     * transfer with an I/O error (outcome ERROR, never re-sent when the machine called home) before our watchdog;
     * now the start-up wait is part of the operation's timeout and ends as TIMEOUT with the reason.
     */
    @Test
    void sftpThatNeverStartsIsATimeoutWithTheReason() throws Exception {
        server.hangSftp("M1", true);
        long start = System.nanoTime();
        RemoteOperationException e = failure(transport.sftp(target(1, "M1", "secret1"), Duration.ofSeconds(1),
                sftp -> sftp.stat("/")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Outcome.TIMEOUT, e.outcome(), e.getMessage());
        assertTrue(e.getMessage().contains("M1 accepted the login but did not start its file transfer service (SFTP)"
                + " within 1 s"), e.getMessage());
        assertTrue(millis < 3000, "failed after " + millis + " ms, before the connect timeout + timeout (4 s)");
        // the machine recovers: nothing of the failed attempt stays in the way
        server.hangSftp("M1", false);
        assertTrue(transport.sftp(target(1, "M1", "secret1"), Duration.ofSeconds(5), sftp -> sftp.stat("/"))
                .get(10, TimeUnit.SECONDS).isDirectory());
    }

    @Test
    void sshdTimeoutsAreTimeouts() {
        assertTrue(SshTransport.isTimeout(new java.io.IOException("wrapped",
                new java.net.SocketTimeoutException("No incoming initialization response received within 15000 msec."))));
        assertTrue(SshTransport.isTimeout(new org.apache.sshd.common.SshException(
                "Timeout expired while waiting for id=7")));
        assertFalse(SshTransport.isTimeout(new java.io.EOFException("Closing while await init message")));
    }

    @Test
    void sftpReadsAndWritesUnderTheRoot() throws Exception {
        Files.createDirectories(root.resolve("logs"));
        Files.writeString(root.resolve("logs/a.log"), "hello");
        String text = transport.sftp(target(1, "M1", "secret1"), Duration.ofSeconds(5), sftp -> {
            try (var in = sftp.read("/logs/a.log")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }).get(10, TimeUnit.SECONDS);
        assertEquals("hello", text);
    }
}
