package org.coffeecontrol.itests.remote.deferred;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.Shell;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.itests.ui.Browser;
import org.coffeecontrol.simulator.SimMachine;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FamilyProfile;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.HttpTelemetryTransport;
import org.coffeecontrol.simulator.platform.PlatformClient;
import org.coffeecontrol.simulator.platform.PlatformSeeder;
import org.coffeecontrol.simulator.ssh.MachineJobs;
import org.coffeecontrol.simulator.ssh.MachineShell;
import org.coffeecontrol.simulator.ssh.MachineSshServer;
import org.coffeecontrol.simulator.wire.WireEncoders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebElement;

/**
 * RC-4 and RC-6 against the running distribution and the simulator, both over real HTTP and SSH: a deferred query
 * file dropped in a machine's home folder (and one created over REST) travels with the answer to the machine's next
 * call home, runs on its database, and comes back; a promo image reaches a client's machines, a dead one fails with
 * a reason, and a resend reaches it once it is back. Then the same from the UI in Chromium, as a tech-support user.
 */
class DeferredSqlAndPromoIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final String SUPPORT = "promo-support-" + RUN.toLowerCase();
    private static final String PASSWORD = "promo-it-password-7";
    static Browser browser;
    static boolean simulatorStarted;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure("DeferredSqlAndPromoIT", () -> browser);

    private static final long SEED = 5150;
    static Distribution dist;
    static Rest admin;
    static FleetModel fleet;
    static Simulator sim;
    static MachineShell shell;
    static MachineSshServer ssh;
    static Path work;

    @BeforeAll
    static void setUp() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        work = Files.createTempDirectory("rc2-sim");
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        // enough machines that at least three of them show promos (WMF, Thermoplan) whatever the family mix
        fleet = FleetModel.generate(new FleetSpec(SEED, 16, 4, 2, "DSP-"));
        // live, a minute of machine time per second, calling home every second
        sim = new Simulator(fleet, Simulator.Settings.live(Instant.now()).withSpeed(60)
                .withUploadInterval(Duration.ofSeconds(1)).withThreads(2), WireEncoders::forFamily,
                new HttpTelemetryTransport(URI.create(dist.restBase()), TestFleet.HTTP, Duration.ofSeconds(30)),
                Clock.systemUTC());
        shell = new MachineShell(sim, work.resolve("machines"), Clock.systemUTC());
        sim.onJob(new MachineJobs(shell,
                new HttpTelemetryTransport(URI.create(dist.restBase()), TestFleet.HTTP, Duration.ofSeconds(30)), SEED));
        ssh = new MachineSshServer(shell, "127.0.0.1", 0, work.resolve("hostkey.ser"));
        ssh.start();
        TestFleet.register(dist.restBase(), 1, 1, 1); // waits for the catalogue and telemetry resources
        new PlatformSeeder(new PlatformClient(URI.create(dist.restBase()), TestFleet.HTTP, "admin",
                Distribution.ADMIN_PASSWORD), "127.0.0.1", ssh.port()).seed(fleet);
        for (MachineSpec m : fleet.machines()) {
            admin.put("/api/remote/machines/" + m.serial() + "/credentials",
                    Map.of("username", m.serial(), "password", Secrets.sshPassword(SEED, m.serial()))).expect(200);
        }
    }

    /** The fleet calls home from the first test that needs it on; starting twice would double every machine. */
    static synchronized void startSimulator() {
        if (!simulatorStarted) {
            sim.start();
            simulatorStarted = true;
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (sim != null) {
            sim.close();
            shell.close();
            ssh.close();
        }
    }

    static JsonNode await(String path, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode n = admin.get(path).expect(200).json();
        while (!done.test(n) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            n = admin.get(path).expect(200).json();
        }
        assertTrue(done.test(n), "not reached in time: " + n);
        return n;
    }

    static JsonNode byFile(JsonNode list, String file) {
        for (JsonNode q : list) {
            if (q.path("fileName").asText().equals(file)) {
                return q;
            }
        }
        throw new AssertionError("no " + file + " in " + list);
    }

    @Test
    void deferredQueriesRunAtTheMachinesNextCallHomeAndTheirResultsAreKept() throws Exception {
        MachineSpec m = fleet.machines().get(0);
        Path home = dist.home().resolve("data/Data").resolve(m.model().replaceAll("[^A-Za-z0-9 ._+-]", "_"))
                .resolve(m.serial());
        Files.createDirectories(home);
        Files.writeString(home.resolve("counters.txt"), "Fast ID 77\nSELECT product FROM recipes WHERE product = 'Espresso'\n");
        Files.writeString(home.resolve("oops.txt"), "SELECT * FROM recipes\n");
        JsonNode created = admin.post("/api/remote/deferred-sql", Map.of("serial", m.serial(), "content",
                "Fast ID 78\nUPDATE recipes SET price = 111 WHERE product = 'Espresso'")).expect(201).json();
        assertEquals("PENDING", created.path("state").asText());
        Rest.Response noFastId = admin.post("/api/remote/deferred-sql", Map.of("serial", m.serial(), "content",
                "SELECT 1 FROM recipes"));
        assertEquals(400, noFastId.status());
        assertTrue(noFastId.body().contains("content") && noFastId.body().contains("Fast ID"), noFastId.body());
        assertEquals(404, admin.post("/api/remote/deferred-sql", Map.of("serial", "NO-SUCH-MACHINE", "content",
                "Fast ID 1\nVALUES 1")).status());

        startSimulator();
        String list = "/api/remote/deferred-sql?serial=" + m.serial();
        JsonNode queries = await(list, l -> byFile(l, "counters.txt").path("state").asText().equals("DONE")
                && byFile(l, created.path("fileName").asText()).path("state").asText().equals("DONE"));
        JsonNode counters = byFile(queries, "counters.txt");
        assertEquals("77", counters.path("fastId").asText());
        assertEquals("PRODUCT", counters.path("columns").get(0).asText());
        assertEquals("Espresso", counters.path("rows").get(0).get(0).asText());
        assertEquals(1, byFile(queries, created.path("fileName").asText()).path("rowsAffected").asInt());
        assertEquals("111.00", shell.execute(m.serial(),
                "sql '" + "SELECT price FROM recipes WHERE product = 'Espresso'".replace("'", "'\\''") + "'")
                .out().lines().skip(1).findFirst().orElseThrow(), "the update ran on the machine's database");
        assertTrue(Files.exists(home.resolve("counters.sendtxt")), "renamed once handed out");
        assertTrue(!Files.exists(home.resolve("counters.txt")));
        JsonNode oops = byFile(queries, "oops.txt");
        assertEquals("INVALID", oops.path("state").asText());
        assertTrue(Files.exists(home.resolve("oops.invalid")), "kept, never sent");

        Shell.Result out = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:deferred-sql " + m.serial());
        assertTrue(out.out().contains("DONE") && out.out().contains("counters.txt"), out.out() + out.err());
    }

    @Test
    void aPromoImageReachesAClientsMachinesAndAResendReachesTheOneThatWasDead() throws Exception {
        // A client of this test's own, so that no other test's machines (same client codes) join the campaign.
        long clientId = admin.post("/api/clients", Map.of("name", "RC2 promo client " + System.nanoTime(),
                "version", 0)).expect(201).json().path("id").asLong();
        long posId = admin.post("/api/pos", Map.of("name", "RC2 promo station", "code", "RC2-" + System.nanoTime() % 1_000_000,
                "clientId", clientId, "version", 0)).expect(201).json().path("id").asLong();
        List<MachineSpec> ofClient = fleet.machines().stream()
                .filter(m -> FamilyProfile.of(m.family()).orElseThrow().supportsPromo()).toList();
        assertTrue(ofClient.size() >= 2, "the fleet has machines that show promos: " + ofClient);
        moveTo(ofClient, posId);
        SimMachine dead = sim.machine(ofClient.get(ofClient.size() - 1).serial()).orElseThrow();
        dead.fault(SimMachine.Fault.DEAD);
        byte[] png = png(800, 480);

        Rest.Response gif = upload("x.gif", png(10, 10, "gif"), "&clientId=" + clientId);
        assertEquals(400, gif.status(), gif.body());
        assertEquals(400, upload("x.png", "#!/bin/sh".repeat(10).getBytes(), "&clientId=" + clientId).status());
        Rest.Response traversal = upload("../../x.png", png, "&clientId=" + clientId);
        assertEquals(400, traversal.status());
        assertTrue(traversal.body().contains("fileName"), traversal.body());
        Rest.Response tooLarge = upload("big.png", png(2000, 1200), "&clientId=" + clientId);
        assertEquals(400, tooLarge.status());
        assertTrue(tooLarge.body().contains("exceeds"), tooLarge.body());
        assertEquals(404, upload("x.png", png, "&serial=NO-SUCH-MACHINE").status());

        Rest.Response created = upload("it-promo.png", png, "&clientId=" + clientId);
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();
        assertEquals(ofClient.size(), created.json().path("total").asInt());
        JsonNode done = await("/api/remote/promo/campaigns/" + id, c -> !c.path("running").asBoolean());
        assertEquals(ofClient.size() - 1, done.path("sent").asInt(), done.toString());
        assertEquals(1, done.path("failed").asInt());
        Map<String, JsonNode> log = deliveries(id);
        JsonNode failed = log.get(dead.serial());
        assertEquals("FAILED", failed.path("state").asText());
        // Dropped at login, or our login time-out first on a loaded machine: either way a reason is given.
        assertTrue(failed.path("message").asText().contains("closed the connection")
                || failed.path("message").asText().contains("did not finish"), failed.toString());
        for (MachineSpec m : ofClient) {
            if (!m.serial().equals(dead.serial())) {
                assertTrue(Arrays.equals(png, Files.readAllBytes(work.resolve("machines").resolve(m.serial())
                        .resolve("promo/it-promo.png"))), "image on " + m.serial());
            }
        }

        dead.fault(SimMachine.Fault.NONE);
        admin.post("/api/remote/promo/campaigns/" + id + "/resend", Map.of()).expect(200);
        JsonNode after = await("/api/remote/promo/campaigns/" + id, c -> !c.path("running").asBoolean());
        assertEquals(ofClient.size(), after.path("sent").asInt(), after.toString());
        assertEquals(2, deliveries(id).get(dead.serial()).path("attempts").asInt());
        assertTrue(Arrays.equals(png, Files.readAllBytes(work.resolve("machines").resolve(dead.serial())
                .resolve("promo/it-promo.png"))));

        Rest.Response csv = admin.get("/api/remote/promo/campaigns/" + id + "/log.csv").expect(200);
        assertEquals(ofClient.size() + 1, csv.body().lines().count(), csv.body());
        Shell.Result out = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:push-log " + id);
        assertTrue(out.out().contains(dead.serial()) && out.out().contains("SENT"), out.out() + out.err());
    }

    /**
     * Issue 5's "done means" from the UI: a tech-support user places a deferred query and sees its result once the
     * machine has called home; picks an image and a client, sends it, watches the progress, sees a stopped machine
     * and one whose login changed fail with their reasons; the stopped one gets the image when it is back, and
     * "Resend failed" reaches the other once its login is fixed.
     */
    @Test
    void techSupportRunsADeferredQueryAndPushesAPromoImageWithAResendFromTheUi() throws Exception {
        Browser.assumeUsable();
        admin.post("/api/users", Map.of("username", SUPPORT, "roles", List.of("TECH_SUPPORT"), "allClients", true,
                "clientIds", List.of(), "enabled", true, "password", PASSWORD)).expect(201);
        Rest support = Rest.as(dist.restBase(), SUPPORT, PASSWORD);
        String clientName = "UI promo client " + RUN;
        long clientId = admin.post("/api/clients", Map.of("name", clientName, "version", 0)).expect(201).json()
                .path("id").asLong();
        long posId = admin.post("/api/pos", Map.of("name", "UI promo station", "code", "UIP-" + RUN, "clientId",
                clientId, "version", 0)).expect(201).json().path("id").asLong();
        List<MachineSpec> ofClient = fleet.machines().stream()
                .filter(m -> FamilyProfile.of(m.family()).orElseThrow().supportsPromo()).toList();
        assertTrue(ofClient.size() >= 3, "a stopped, a refused and a healthy machine: " + ofClient);
        moveTo(ofClient, posId);
        startSimulator();
        browser = Browser.start(dist.uiBase());
        browser.open("/login");
        browser.login(SUPPORT, PASSWORD);

        // Deferred SQL: placed from the UI, delivered with the answer to the machine's next call home.
        MachineSpec m = fleet.machines().get(0);
        browser.open("/service/deferred-sql");
        browser.type("dsql-serial", m.serial());
        browser.click("dsql-load");
        browser.type("dsql-fastid", "4242");
        browser.type("dsql-sql", "SELECT product FROM recipes WHERE product = 'Espresso'");
        browser.click("dsql-place");
        browser.until(d -> "ok".equals(browser.byId("dsql-status").getAttribute("data-state")),
                "query placed: " + browser.textOf("dsql-status"));
        String file = browser.textOf("dsql-status").split(" ")[0];
        assertTrue(file.endsWith(".txt"), browser.textOf("dsql-status"));
        browser.until(d -> clickCell("dsql-list", file), "row of " + file + " in " + browser.gridTexts("dsql-list"));
        browser.until(d -> browser.textOf("dsql-result-title").startsWith(file + ": DONE"),
                "result after the next call home: " + browser.textOf("dsql-result-title"));
        List<String> result = browser.loadedGridTexts("dsql-result");
        assertTrue(result.contains("PRODUCT") && result.contains("Espresso"), result.toString());
        assertTrue(Files.exists(dist.home().resolve("data/Data")
                .resolve(m.model().replaceAll("[^A-Za-z0-9 ._+-]", "_")).resolve(m.serial())
                .resolve(file.replaceFirst("\\.txt$", ".sendtxt"))), "renamed once handed out");

        // Promo: one machine stopped, one whose stored login no longer works, the others healthy.
        SimMachine stopped = sim.machine(ofClient.get(0).serial()).orElseThrow();
        String refused = ofClient.get(1).serial();
        support.put("/api/remote/machines/" + refused + "/credentials", Map.of("username", refused, "password",
                "not-the-machines-password")).expect(200);
        stopped.fault(SimMachine.Fault.DEAD);
        try {
            byte[] png = png(640, 360);
            Path image = work.resolve("ui-promo-" + RUN + ".png");
            Files.write(image, png);
            browser.open("/service/promo");
            WebElement fileInput = (WebElement) browser.script("return arguments[0].querySelector('input[type=file]')"
                    + " || arguments[0].shadowRoot.querySelector('input[type=file]');", browser.byId("promo-upload"));
            fileInput.sendKeys(image.toString());
            browser.until(d -> browser.textOf("promo-status").contains(image.getFileName().toString()),
                    "image uploaded: " + browser.textOf("promo-status"));
            browser.pick("promo-clients", clientName, clientName);
            browser.closeCombo("promo-clients");
            browser.until(d -> Long.valueOf(1).equals(browser.script("return arguments[0].selectedItems.length;",
                    browser.byId("promo-clients"))), "client chosen");
            browser.click("promo-send");
            browser.until(d -> "ok".equals(browser.byId("promo-status").getAttribute("data-state")),
                    "campaign started: " + browser.textOf("promo-status"));
            int total = ofClient.size();
            assertTrue(browser.textOf("promo-status").contains(total + " machines"), browser.textOf("promo-status"));
            long id = Long.parseLong(browser.textOf("promo-title").replaceAll("^#(\\d+) .*", "$1"));
            browser.until(d -> progress().equals(total + "/" + total + " done: " + (total - 2) + " sent, 2 failed, 0 waiting"),
                    "the campaign's progress: " + progress());
            List<String> log = browser.loadedGridTexts("promo-log");
            assertTrue(log.contains(stopped.serial()) && log.contains(refused), log.toString());
            // A stopped machine drops the login; on a loaded machine our login time-out may fire first. Both
            // outcomes are re-sent at its next call home, which is what the rest of the test relies on.
            assertTrue(log.stream().anyMatch(t -> t.contains("closed the connection") || t.contains("did not finish")),
                    log.toString());
            assertEquals(2, log.stream().filter("FAILED"::equals).count(), log.toString());
            Map<String, JsonNode> failed = deliveries(id);
            assertTrue(List.of("UNREACHABLE", "TIMEOUT").contains(failed.get(stopped.serial()).path("outcome").asText()),
                    failed.get(stopped.serial()).toString());
            assertEquals("AUTH_FAILED", failed.get(refused).path("outcome").asText());

            // The stopped machine is back: it gets the image at its next call home, and the page moves with it.
            stopped.fault(SimMachine.Fault.NONE);
            browser.until(d -> progress().startsWith(total + "/" + total + " done: " + (total - 1) + " sent, 1 failed"),
                    "the machine that came back served: " + progress());
            // The other one's login is fixed; "Resend failed" reaches it.
            support.put("/api/remote/machines/" + refused + "/credentials", Map.of("username", refused, "password",
                    Secrets.sshPassword(SEED, refused))).expect(200);
            browser.until(d -> browser.byId("promo-resend").isEnabled(), "resend offered");
            browser.click("promo-resend");
            browser.until(d -> progress().equals(total + "/" + total + " done: " + total + " sent, 0 failed, 0 waiting"),
                    "every machine served after the resend: " + progress());
            assertEquals(2, deliveries(id).get(refused).path("attempts").asInt());
            for (MachineSpec machine : ofClient) {
                assertTrue(Arrays.equals(png, Files.readAllBytes(work.resolve("machines").resolve(machine.serial())
                        .resolve("promo").resolve(image.getFileName().toString()))), "image on " + machine.serial());
            }
        } finally {
            stopped.fault(SimMachine.Fault.NONE);
            support.put("/api/remote/machines/" + refused + "/credentials", Map.of("username", refused, "password",
                    Secrets.sshPassword(SEED, refused)));
        }
    }

    private static String progress() {
        return browser.textOf("promo-progress-text");
    }

    /** Clicks the grid cell showing exactly {@code text}, which selects its row; false while it is not rendered. */
    private static boolean clickCell(String gridId, String text) {
        WebElement cell = (WebElement) browser.script("return Array.from(arguments[0].querySelectorAll("
                + "'vaadin-grid-cell-content')).find(c => c.textContent.trim() === arguments[1]) || null;",
                browser.byId(gridId), text);
        if (cell == null) {
            return false;
        }
        cell.click();
        return true;
    }

    /** Moves the machines to a point of sale (and so a client) of the calling test's own. */
    private static void moveTo(List<MachineSpec> machines, long posId) {
        for (MachineSpec m : machines) {
            for (JsonNode e : admin.get("/api/equipment?q=" + m.serial()).expect(200).json().path("items")) {
                if (e.path("serialNumber").asText().equals(m.serial())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("posId", posId);
                    admin.put("/api/equipment/" + e.path("id").asLong(), e).expect(200);
                }
            }
        }
    }

    static Map<String, JsonNode> deliveries(long id) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode d : admin.get("/api/remote/promo/campaigns/" + id + "/deliveries").expect(200).json()) {
            out.put(d.path("serial").asText(), d);
        }
        return out;
    }

    static Rest.Response upload(String fileName, byte[] body, String recipients) throws Exception {
        HttpResponse<String> r = TestFleet.HTTP.send(HttpRequest.newBuilder(URI.create(dist.restBase()
                + "/api/remote/promo/campaigns?fileName=" + java.net.URLEncoder.encode(fileName, "UTF-8") + recipients))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + Distribution.ADMIN_PASSWORD).getBytes()))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Rest.Response(r.statusCode(), r.body());
    }

    static byte[] png(int width, int height) throws Exception {
        return png(width, height, "png");
    }

    static byte[] png(int width, int height, String format) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            img.setRGB(x, x % height, 0xC0FFEE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
