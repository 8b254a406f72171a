package org.coffeecontrol.remote.internal.promo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.PromoImageSpec;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.telemetry.PolledMachine;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.PromoCampaign;
import org.coffeecontrol.remote.api.PromoDelivery;
import org.coffeecontrol.remote.api.PromoDelivery.State;
import org.coffeecontrol.remote.api.PromoRequest;
import org.coffeecontrol.remote.internal.Fixtures;
import org.coffeecontrol.remote.internal.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the harness's real SSHD (M1 of client 1, M2 of client 2), plus a dead machine (closed port) and a hung one
 * (accepts TCP, never says a word) of client 1.
 */
class PromoServiceImplTest {

    @TempDir
    Path dir;
    Harness h;
    PromoServiceImpl promo;
    ServerSocket hung;
    final List<Socket> held = new CopyOnWriteArrayList<>();
    int deadPort;

    /** The harness's test family, with promo limits. */
    static final class PromoDriver implements MachineDriver {
        private final MachineDriver base = new Fixtures.TestDriver(Set.of(Capability.COMMANDS, Capability.FILES));

        @Override
        public DriverInfo info() {
            DriverInfo i = base.info();
            return new DriverInfo(i.family(), i.displayName(), i.version(), i.contentType(), i.models(),
                    Set.of(Capability.COMMANDS, Capability.FILES, Capability.PROMO_IMAGES));
        }

        @Override
        public DecodeResult decode(TelemetryBatch batch) {
            return base.decode(batch);
        }

        @Override
        public List<CommandSpec> commands() {
            return base.commands();
        }

        @Override
        public CommandPlan plan(String commandId, Map<String, String> args) {
            return base.plan(commandId, args);
        }

        @Override
        public Optional<PromoImageSpec> promoImages() {
            return Optional.of(new PromoImageSpec(Set.of("png", "jpeg"), 100_000, 800, 600, "promo"));
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        start(Map.of());
    }

    void start(Map<String, Object> extra) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("promoStore", dir.resolve("store").toString(),
                "connectTimeoutMillis", 4000, "promoTimeoutSeconds", 5, "promoParallel", 3));
        config.putAll(extra);
        h = new Harness(dir, config);
        // Machines have a disk each: M1 and M2 sharing the harness's one folder raced on the same promo file's
        // remove-and-rename when a campaign sent to both at once.
        h.server.home("M2", Files.createDirectories(dir.resolve("sftp-M2")));
        h.gateway.bindDriver(new PromoDriver(), Map.of(MachineDriver.FAMILY_PROPERTY, "test"));
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!hung.isClosed()) {
                try {
                    held.add(hung.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        h.catalog.add(3, "DEAD", 1, "test", "127.0.0.1", deadPort);
        h.catalog.add(4, "HUNG", 1, "test", "127.0.0.1", hung.getLocalPort());
        h.gateway.credentials().save(3, "DEAD", "pw3".toCharArray(), "setup");
        h.gateway.credentials().save(4, "HUNG", "pw4".toCharArray(), "setup");
        promo = new PromoServiceImpl(h.gateway, h.database, Fixtures.config(config));
    }

    @AfterEach
    void tearDown() throws Exception {
        promo.deactivate();
        hung.close();
        for (Socket s : held) {
            s.close();
        }
        h.close();
    }

    static PromoRequest toClient(String name, byte[] image, long client) {
        return new PromoRequest(name, image, List.of(client), null, null, null);
    }

    PromoCampaign awaitDone(Caller caller, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        PromoCampaign c = promo.campaign(caller, id);
        while (c.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            c = promo.campaign(caller, id);
        }
        return c;
    }

    static Map<String, PromoDelivery> bySerial(List<PromoDelivery> log) {
        return log.stream().collect(Collectors.toMap(PromoDelivery::serial, Function.identity()));
    }

    @Test
    void aClientsMachinesGetTheImageAndDeadOrHungOnesFailWithAReasonWithinTheTimeout() throws Exception {
        byte[] png = ImageInfoTest.image("png", 640, 480);
        long t0 = System.nanoTime();
        PromoCampaign started = promo.send(h.admin(), toClient("summer.png", png, 1));
        assertEquals(3, started.total(), "M1, DEAD and HUNG of client 1; not M2 of client 2");
        assertEquals("png", started.format());
        assertEquals(640, started.width());

        PromoCampaign done = awaitDone(h.admin(), started.id());
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertTrue(seconds < 15, "the hung machine failed within connect timeout + transfer timeout: " + seconds);
        assertEquals(1, done.sent());
        assertEquals(2, done.failed());
        Map<String, PromoDelivery> log = bySerial(promo.deliveries(h.admin(), done.id()));
        assertEquals(State.SENT, log.get("M1").state());
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("sftp/promo/summer.png")));
        assertTrue(Files.list(dir.resolve("sftp/promo")).noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        assertEquals(State.FAILED, log.get("DEAD").state());
        assertEquals(Outcome.UNREACHABLE, log.get("DEAD").outcome());
        assertTrue(log.get("DEAD").message().contains("cannot reach DEAD"), log.get("DEAD").message());
        assertEquals(State.FAILED, log.get("HUNG").state());
        assertEquals(Outcome.TIMEOUT, log.get("HUNG").outcome());

        // the dead machine comes back (its controller now answers on the real server) and calls home
        h.catalog.add(3, "DEAD", 1, "test", "127.0.0.1", h.server.port());
        h.server.user("DEAD", "pw3");
        promo.poll(new PolledMachine(3, "test", "DEAD"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bySerial(promo.deliveries(h.admin(), done.id())).get("DEAD").state() != State.SENT
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        PromoDelivery back = bySerial(promo.deliveries(h.admin(), done.id())).get("DEAD");
        assertEquals(State.SENT, back.state(), "served when it called home: " + back);
        assertEquals(2, back.attempts());

        PromoCampaign resent = promo.resendFailed(h.admin(), done.id());
        assertEquals(1, resent.pending() + resent.failed(), "only HUNG is sent again");
        PromoCampaign after = awaitDone(h.admin(), done.id());
        assertEquals(2, after.sent());
        assertEquals(2, bySerial(promo.deliveries(h.admin(), done.id())).get("HUNG").attempts());

        String csv = promo.exportCsv(h.admin(), done.id());
        List<String> lines = csv.lines().toList();
        assertEquals("campaign,file,serial,family,state,attempts,updated_at,duration_ms,outcome,message", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",HUNG,test,FAILED,2,") && l.contains(",TIMEOUT,")), csv);
    }

    @Test
    void badImagesNamesAndRecipientsAreRefusedAndLeaveNothingBehind() throws Exception {
        byte[] png = ImageInfoTest.image("png", 640, 480);
        Caller admin = h.admin();
        assertEquals("image", assertThrows(ValidationException.class,
                () -> promo.send(admin, toClient("x.png", "not an image at all, just text......".getBytes(), 1))).field());
        ValidationException tooBig = assertThrows(ValidationException.class,
                () -> promo.send(admin, toClient("big.png", ImageInfoTest.image("png", 1024, 768), 1)));
        assertEquals("image", tooBig.field());
        assertTrue(tooBig.detail().contains("1024x768 exceeds 800x600"), tooBig.detail());
        ValidationException gif = assertThrows(ValidationException.class,
                () -> promo.send(admin, toClient("a.gif", ImageInfoTest.image("gif", 10, 10), 1)));
        assertTrue(gif.detail().contains("GIF is not among jpeg, png"), gif.detail());
        assertEquals("fileName", assertThrows(ValidationException.class,
                () -> promo.send(admin, toClient("../../etc/x.png", png, 1))).field());
        assertEquals("fileName", assertThrows(ValidationException.class,
                () -> promo.send(admin, toClient("promo/x.png", png, 1))).field());
        assertEquals("fileName", assertThrows(ValidationException.class,
                () -> promo.send(admin, toClient("x.jpg", png, 1))).field(), "the name says JPEG, the bytes PNG");
        assertEquals("recipients", assertThrows(ValidationException.class,
                () -> promo.send(admin, new PromoRequest("x.png", png, null, null, null, null))).field());
        assertThrows(NotFoundException.class, () -> promo.send(admin,
                new PromoRequest("x.png", png, null, null, null, List.of("NO-SUCH-SERIAL"))));
        assertThrows(NotFoundException.class, () -> promo.send(Fixtures.caller("ts2", Role.TECH_SUPPORT, 2),
                toClient("x.png", png, 1)), "client 1 is not visible to client 2's user");
        assertThrows(AccessDeniedException.class, () -> promo.send(Fixtures.caller("op", Role.OPERATOR, 1),
                toClient("x.png", png, 1)));
        assertEquals(List.of(), promo.campaigns(admin, 10));
        assertTrue(!Files.exists(dir.resolve("sftp/promo/x.png")));
    }

    @Test
    void usersSeeOnlyTheirClientsMachinesAndProgressIsPushed() throws Exception {
        byte[] jpeg = ImageInfoTest.image("jpg", 320, 200);
        List<PromoCampaign> pushed = new CopyOnWriteArrayList<>();
        PromoCampaign c = promo.send(h.admin(), new PromoRequest("m.jpg", jpeg, null, null, null, List.of("M1", "M2")));
        try (AutoCloseable w = promo.watch(h.admin(), c.id(), pushed::add)) {
            awaitDone(h.admin(), c.id());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while ((pushed.isEmpty() || pushed.get(pushed.size() - 1).running()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(2, pushed.get(pushed.size() - 1).sent(), "the last push shows the end: " + pushed + " "
                + promo.deliveries(h.admin(), c.id()));

        Caller ts2 = Fixtures.caller("ts2", Role.TECH_SUPPORT, 2);
        assertEquals(1, promo.campaign(ts2, c.id()).total());
        assertEquals(List.of("M2"), promo.deliveries(ts2, c.id()).stream().map(PromoDelivery::serial).toList());
        assertTrue(!promo.exportCsv(ts2, c.id()).contains("M1"));

        PromoCampaign only1 = promo.send(h.admin(), new PromoRequest("o.jpg", jpeg, null, null, null, List.of("M1")));
        assertThrows(NotFoundException.class, () -> promo.campaign(ts2, only1.id()));
        assertThrows(NotFoundException.class, () -> promo.resendFailed(ts2, only1.id()));
        assertEquals(List.of(c.id()), promo.campaigns(ts2, 10).stream().map(PromoCampaign::id).toList());
    }

    @Test
    void aMachineSilentForTooLongIsSkippedAndServedWhenItCallsHome() throws Exception {
        tearDown();
        start(Map.of("promoOfflineAfterSeconds", 1));
        PolledMachine m1 = new PolledMachine(1, "test", "M1");
        promo.poll(m1);
        Thread.sleep(1200);
        PromoCampaign c = promo.send(h.admin(), new PromoRequest("late.png", ImageInfoTest.image("png", 8, 8), null,
                null, null, List.of("M1")));
        assertEquals(1, c.waiting());
        PromoDelivery skipped = promo.deliveries(h.admin(), c.id()).get(0);
        assertEquals(State.SKIPPED_OFFLINE, skipped.state());
        assertTrue(skipped.message().startsWith("offline"), skipped.message());
        assertTrue(!Files.exists(dir.resolve("sftp/promo/late.png")));

        promo.poll(m1);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (promo.deliveries(h.admin(), c.id()).get(0).state() != State.SENT && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(State.SENT, promo.deliveries(h.admin(), c.id()).get(0).state());
        assertTrue(Files.exists(dir.resolve("sftp/promo/late.png")));
    }

    /**
     * A hung controller (login works, SFTP never starts) fails as TIMEOUT, not as an error, and so gets the image at
     * its next call home without anyone pressing "Resend failed".
     */
    @Test
    void aMachineHungAtSftpTimesOutAndIsServedAtItsNextCallHome() throws Exception {
        tearDown();
        start(Map.of("promoTimeoutSeconds", 2));
        h.server.hangSftp("M1", true);
        PromoCampaign c = promo.send(h.admin(), new PromoRequest("hung.png", ImageInfoTest.image("png", 8, 8), null,
                null, null, List.of("M1")));
        PromoDelivery failed = promo.deliveries(h.admin(), awaitDone(h.admin(), c.id()).id()).get(0);
        assertEquals(State.FAILED, failed.state());
        assertEquals(Outcome.TIMEOUT, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("did not start its file transfer service (SFTP) within 2 s"),
                failed.message());

        h.server.hangSftp("M1", false);
        promo.poll(new PolledMachine(1, "test", "M1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (promo.deliveries(h.admin(), c.id()).get(0).state() != State.SENT && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        PromoDelivery back = promo.deliveries(h.admin(), c.id()).get(0);
        assertEquals(State.SENT, back.state(), "served when it called home: " + back);
        assertEquals(2, back.attempts());
        assertTrue(Files.exists(dir.resolve("sftp/promo/hung.png")));
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("plain", PromoServiceImpl.csv("plain"));
        assertEquals("\"a,b\"", PromoServiceImpl.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", PromoServiceImpl.csv("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", PromoServiceImpl.csv("=HYPERLINK(1)"));
        assertEquals("", PromoServiceImpl.csv(null));
    }
}
