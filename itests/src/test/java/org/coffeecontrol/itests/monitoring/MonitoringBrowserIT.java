package org.coffeecontrol.itests.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.itests.ui.Browser;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.PosSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.HttpTelemetryTransport;
import org.coffeecontrol.simulator.ssh.MachineShell;
import org.coffeecontrol.simulator.ssh.MachineSshServer;
import org.coffeecontrol.simulator.wire.WireEncoders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Issue 4 item 7 in a real headless Chromium against the real distribution and a live simulated fleet (the
 * simulator's own classes, posting telemetry over HTTP and answering SSH): the overview map and station list show
 * the fleet in the colours of its states; an error injected into one machine with {@code sim-error} becomes a
 * problem on the overview and a notification of the watching user, and both go when it is cleared; a journal entry
 * added in the POS window shows up there; the machine dashboard refreshes by push; the KPI dashboard agrees with
 * the REST figures. The watching user is an operator (role OPERATOR, this fleet's clients only): the overview shows
 * no other client's points of sale; subscribed by e-mail in the POS window, the operator receives the problem and its
 * clearing over real SMTP (GreenMail, configured through {@code etc/org.coffeecontrol.mail.cfg} as an
 * administrator would).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringBrowserIT {

    /** A fleet of its own: serials (seed) and POS and client codes (prefix) are not shared with other tests' fleets. */
    // Serials carry a tag of the seed ((seed * 7919) mod 1000): 4404 shared IngestFuzzIT's (seed 404), and the
    // shared distribution kept that test's machine under the same serial. 4405's tag is used by no other IT.
    private static final long SEED = 4405;
    private static final String CODE_PREFIX = "MB-";
    /** Debounce (30 s) + upload interval + sweep (15 s) + UI push period (5 s), with room for a slow machine. */
    private static final Duration PROBLEM_WAIT = Duration.ofSeconds(150);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

    static Distribution dist;
    static Rest admin;
    static Browser browser;
    static FleetModel fleet;
    static Simulator sim;
    static MachineShell shell;
    static MachineSshServer ssh;
    static SshClient sshClient;
    static MachineSpec target;
    static long targetId;
    static long targetPos;
    static final Map<String, Long> posIds = new HashMap<>();
    static GreenMail mail;
    static Path mailConfig;
    static final String OPERATOR_PASSWORD = "operator-password-4405";
    static String operatorName;
    static String operatorEmail;
    /** The operator's own view of the REST API: the figures the UI must agree with are those this user may see. */
    static Rest operator;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure("MonitoringBrowserIT", () -> browser);

    @BeforeAll
    static void setUp() throws Exception {
        Browser.assumeUsable();
        dist = Distribution.shared();
        admin = dist.admin();
        TestFleet registered = TestFleet.register(dist.restBase(), new FleetSpec(SEED, 6, 3, 3, CODE_PREFIX));
        fleet = registered.model();
        for (PosSpec p : fleet.pointsOfSale()) {
            for (JsonNode item : admin.get("/api/pos?q=" + p.code() + "&limit=10").expect(200).json().path("items")) {
                if (p.code().equals(item.path("code").asText())) {
                    posIds.put(p.code(), item.path("id").asLong());
                }
            }
        }
        target = fleet.machines().get(0);
        targetId = registered.equipmentId(admin, target);
        targetPos = posIds.get(target.posCode());

        Path work = Files.createTempDirectory("mon-it-sim-");
        // A few minutes of history, then live; machines call home every 3 s so that the test does not wait long.
        Simulator.Settings settings = Simulator.Settings.live(Instant.now().minus(Duration.ofMinutes(3)))
                .withUploadInterval(Duration.ofSeconds(3)).withThreads(2);
        sim = new Simulator(fleet, settings, WireEncoders::forFamily,
                new HttpTelemetryTransport(URI.create(dist.restBase()), TestFleet.HTTP, Duration.ofSeconds(30)),
                Clock.systemUTC());
        shell = new MachineShell(sim, work.resolve("machines"), Clock.systemUTC());
        ssh = new MachineSshServer(shell, "127.0.0.1", 0, work.resolve("hostkey.ser"));
        ssh.start();
        sim.start();
        sshClient = SshClient.setUpDefaultClient();
        sshClient.start();

        // The platform's SMTP server, set as an administrator would.
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        mailConfig = dist.writeConfig("org.coffeecontrol.mail.cfg", Map.of("host", "127.0.0.1", "port",
                mail.getSmtp().getPort(), "from", "monitoring@coffee.test"));
        // The one who works the overview is an operator of this fleet's clients only, with an address to be written
        // to, created as an administrator would: what the test sees is what that role and visibility allow.
        operatorName = "mb-operator-" + RUN.toLowerCase(java.util.Locale.ROOT);
        operatorEmail = operatorName + "@monitoring.test";
        java.util.Set<Long> clientIds = new java.util.TreeSet<>();
        for (long posId : posIds.values()) {
            clientIds.add(admin.get("/api/pos/" + posId).expect(200).json().path("clientId").asLong());
        }
        admin.post("/api/users", Map.of("username", operatorName, "roles", List.of("OPERATOR"), "allClients", false,
                "clientIds", List.copyOf(clientIds), "email", operatorEmail, "password", OPERATOR_PASSWORD)).expect(201);
        operator = Rest.as(dist.restBase(), operatorName, OPERATOR_PASSWORD);

        browser = Browser.start(dist.uiBase());
        browser.open("/login");
        browser.login(operatorName, OPERATOR_PASSWORD);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (sshClient != null) {
            sshClient.stop();
        }
        if (ssh != null) {
            ssh.close();
        }
        if (shell != null) {
            shell.close();
        }
        if (mailConfig != null) {
            Files.deleteIfExists(mailConfig);
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void overviewShowsTheFleetInTheColoursOfItsStates() throws Exception {
        waitFor(Duration.ofSeconds(90), () -> fleetPos().stream().allMatch(p -> p.path("machines").asInt() > 0
                && p.path("online").asInt() == p.path("machines").asInt()), "the fleet online in /api/monitoring/overview");
        browser.open("/monitoring");
        browser.until(d -> markerCount() >= posIds.size(), "markers on the map");
        long firstPaint = Long.parseLong(String.valueOf(browser.script(
                "return document.getElementById('overview-map').getAttribute('data-first-paint-ms');")));
        System.out.println("overview first paint with " + markerCount() + " markers: " + firstPaint + " ms");
        // The map's markers come over plain HTTP, for the session's signed-in user only, and only the points of sale
        // of the clients that user sees (this operator: this fleet's).
        @SuppressWarnings("unchecked")
        List<Object> served = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + " fetch('overview-markers').then(function (r) { return r.json(); })"
                        + ".then(function (d) { done(d.points.map(function (p) { return p[0]; })); },"
                        + " function (e) { done([String(e)]); });");
        List<Long> servedIds = served.stream().map(o -> o instanceof Number n ? n.longValue() : -1L).toList();
        assertTrue(servedIds.contains(targetPos) && posIds.values().containsAll(servedIds),
                "the browser's /overview-markers hold this fleet's POS only: " + served);
        java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(dist.uiBase() + "/overview-markers")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), anonymous.body());

        // Every marker has its legend's colour for the state the REST API reports (re-read: states may move on).
        browser.until(d -> fleetPos().stream().allMatch(p -> colourMatches(p.path("posId").asLong(),
                p.path("status").asText())), "marker colours = legend colours of the REST states");
        // Other test classes share the distribution and may have named these codes first: the platform's names
        // count, and each is searched for, as the grid only renders the rows in view.
        for (JsonNode p : fleetPos()) {
            String name = p.path("name").asText();
            browser.type("station-search", name);
            browser.until(d -> browser.loadedGridTexts("station-grid").contains(name), name + " in the station list");
        }
        browser.type("station-search", "");
        // Client visibility, on the server: other clients' points of sale (other tests' fleets) are not listed.
        assertTrue(posIds.values().containsAll(operator.get("/api/monitoring/overview").expect(200).json()
                .findValues("posId").stream().map(JsonNode::asLong).toList()), "the operator sees this fleet only");
        browser.until(d -> {
            List<String> codes = browser.loadedGridTexts("station-grid").stream().filter(t -> t.contains("-POS-"))
                    .toList();
            return codes.size() == posIds.size() && codes.stream().allMatch(t -> t.startsWith(CODE_PREFIX));
        }, "only this fleet's points of sale in the operator's station list");

        // Search by a machine's serial finds its POS only (the catalogue's search, CAT-5).
        PosSpec other = fleet.pointsOfSale().stream().filter(p -> !p.code().equals(target.posCode())).findFirst()
                .orElseThrow();
        browser.type("station-search", target.serial());
        java.util.concurrent.atomic.AtomicReference<List<String>> seen = new java.util.concurrent.atomic.AtomicReference<>();
        browser.until(d -> {
            List<String> t = browser.loadedGridTexts("station-grid");
            seen.set(t);
            // Codes, not names: codes carry this test's prefix, while names are the platform's and may repeat.
            return t.contains(target.posCode()) && !t.contains(other.code());
        }, () -> "only the POS of " + target.serial() + " (" + target.posCode() + ") in the list, saw " + seen.get());
        browser.type("station-search", "");

        // The map layer hit-tests the pointer itself: hovering shows the POS's name, a click opens its window.
        // Zoomed in on the POS, as other test classes' points of sale may lie close by.
        browser.script("""
                var el = document.getElementById('overview-map'), c = el._coffee;
                c.map.setView(c.layer.latLngOf(c.layer.indexOf(arguments[0])), 17, { animate: false });
                """, targetPos);
        WebElement mapElement = browser.byId("overview-map");
        @SuppressWarnings("unchecked")
        Map<String, Object> marker = (Map<String, Object>) browser.script(
                "return window.coffeePosMap.marker(document.getElementById('overview-map'), arguments[0]);",
                targetPos);
        new Actions(browser.driver()).moveToElement(mapElement,
                (int) Math.round(((Number) marker.get("x")).doubleValue() - mapElement.getSize().getWidth() / 2.0),
                (int) Math.round(((Number) marker.get("y")).doubleValue() - mapElement.getSize().getHeight() / 2.0))
                .perform();
        String targetName = fleetPos().stream().filter(p -> p.path("posId").asLong() == targetPos)
                .map(p -> p.path("name").asText()).findFirst().orElseThrow();
        browser.until(d -> targetName.equals(browser.script(
                "var t = document.querySelector('#overview-map .leaflet-tooltip'); return t && t.textContent;")),
                "the tooltip naming " + targetName);
        new Actions(browser.driver()).click().perform();
        browser.waitForPath("/monitoring/pos/" + targetPos);
    }

    @Test
    @Order(2)
    void anInjectedErrorIsAProblemANotificationAndAnEmailUntilItIsCleared() throws Exception {
        String code = criticalCode(target.family());
        browser.open("/monitoring/pos/" + targetPos);
        browser.waitVisible("pos-subscribe");
        if (!subscribed()) {
            browser.click("pos-subscribe");
        }
        browser.until(d -> subscribed(), "the operator watches the POS");
        if (!subscribedByEmail()) {
            browser.click("pos-subscribe-email");
        }
        browser.until(d -> subscribedByEmail(), "the operator watches the POS by e-mail");
        operator.send("POST", "/api/monitoring/notifications/read", "[]").expect(200);
        operator.delete("/api/monitoring/notifications/read").expect(200);

        assertTrue(simError(target.serial(), "raise " + code).contains(code));
        browser.open("/monitoring");
        waitFor(PROBLEM_WAIT, () -> "PROBLEM".equals(status(targetPos)), "POS " + targetPos + " in PROBLEM (REST)");
        browser.until(d -> colourMatches(targetPos, "PROBLEM"), "the POS marker in the problem colour");
        browser.until(d -> browser.loadedGridTexts("problem-grid").stream().anyMatch(t -> t.startsWith(code)),
                "the problem " + code + " in the detected-problems list");
        assertTrue(browser.loadedGridTexts("problem-grid").contains(target.serial()));

        // The notification reaches the bell's badge by push, without a reload.
        browser.until(d -> browser.present("notifications-badge") && badge() >= 1, "unread badge");
        browser.click("btn-notifications");
        browser.waitDialogOpen("notifications-panel");
        browser.until(d -> browser.textOf("notification-list").contains(target.serial()),
                "the problem notification in the panel");
        browser.click("notifications-close");
        String posName = fleetPos().stream().filter(p -> p.path("posId").asLong() == targetPos)
                .map(p -> p.path("name").asText()).findFirst().orElseThrow();
        MimeMessage opened = awaitMail("Problem: ", target.serial());
        assertTrue(opened.getContent().toString().contains(code), "the error code in the mail: " + opened.getContent());
        assertTrue(opened.getSubject().contains(posName), "the POS in the subject: " + opened.getSubject());

        assertTrue(simError(target.serial(), "clear " + code).contains(code));
        waitFor(PROBLEM_WAIT, () -> !"PROBLEM".equals(status(targetPos)), "POS " + targetPos + " no longer in PROBLEM");
        browser.until(d -> colourMatches(targetPos, status(targetPos)), "the marker back in its state's colour");
        // The grid keeps the cells of removed rows in the DOM: compare its row count with the open problems.
        browser.until(d -> {
            JsonNode open = operator.get("/api/monitoring/problems?open=true&limit=200").expect(200).json();
            return !open.toString().contains("\"serialNumber\":\"" + target.serial() + "\"")
                    && open.path("total").asLong() == ((Number) browser.script("return arguments[0].size;",
                            browser.byId("problem-grid"))).longValue();
        }, "the problem gone from the open-problems list");
        waitFor(Duration.ofSeconds(30), () -> notificationKinds().contains("PROBLEM_CLEARED"),
                "a PROBLEM_CLEARED notification");
        MimeMessage cleared = awaitMail("Problem cleared: ", target.serial());
        assertTrue(cleared.getContent().toString().contains(code), "the error code in the mail: " + cleared.getContent());

        browser.click("btn-notifications");
        browser.waitDialogOpen("notifications-panel");
        browser.click("notifications-mark-read");
        browser.until(d -> !browser.byId("notifications-badge").isDisplayed(), "badge hidden once all are read");
        browser.click("notifications-clear");
        browser.until(d -> browser.idsStartingWith("notification-read-").isEmpty()
                && browser.textOf("notification-list").contains("No notifications"), "read notifications cleared");
        browser.click("notifications-close");
        assertEquals(0, operator.get("/api/monitoring/notifications").expect(200).json().path("items").size());
    }

    @Test
    @Order(3)
    void aJournalEntryAddedInThePosWindowShowsUpThere() {
        browser.open("/monitoring/pos/" + targetPos);
        browser.waitVisible("journal-add");
        String problem = "Customer reports weak coffee " + RUN;
        chooseSelect("journal-source", "Phone");
        browser.type("journal-problem", problem);
        browser.type("journal-applicant", "Shop manager");
        browser.click("journal-add");
        // A phone request is registered as a ticket first: the number is required.
        browser.until(d -> browser.invalid("journal-ticket"), "ticket number required for a phone request");
        assertFalse(browser.textOf("journal-grid").contains(problem));
        browser.type("journal-ticket", "T-" + RUN);
        browser.click("journal-add");
        browser.until(d -> browser.loadedGridTexts("journal-grid").contains(problem), "the entry in the journal");
        assertTrue(browser.loadedGridTexts("journal-grid").contains("T-" + RUN));
        JsonNode entries = operator.get("/api/monitoring/journal?posId=" + targetPos).expect(200).json().path("items");
        assertTrue(entries.toString().contains(problem) && entries.toString().contains("\"operator\":\"" + operatorName + "\""),
                entries.toString());

        // Its machine's dashboard, one click away, refreshes itself by push.
        browser.click("machine-link-" + targetId);
        browser.waitForPath("/monitoring/machine/" + targetId);
        browser.waitVisible("machine-remote-link");
        assertEquals(target.serial(), browser.textOf("machine-title"));
        String before = browser.textOf("machine-refreshed");
        browser.until(d -> !browser.textOf("machine-refreshed").equals(before), "a pushed refresh");
        assertTrue(browser.textOf("machine-sensors").length() > 0);
    }

    @Test
    @Order(4)
    void theKpiDashboardAgreesWithTheRestFigures() {
        browser.open("/");
        browser.waitVisible("kpi-online");
        browser.until(d -> {
            long online = 0;
            for (JsonNode m : operator.get("/api/monitoring/machines").expect(200).json()) {
                online += m.path("online").asBoolean() ? 1 : 0;
            }
            long problems = operator.get("/api/monitoring/problems?open=true&limit=1").expect(200).json()
                    .path("total").asLong();
            return browser.textOf("kpi-online").equals(Long.toString(online))
                    && browser.textOf("kpi-problems").equals(Long.toString(problems));
        }, "KPI figures equal to the REST ones");
        assertTrue(browser.textOf("kpi-uptime-month").endsWith("%") || browser.textOf("kpi-uptime-month").equals("–"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String criticalCode(String family) {
        return switch (family) {
            case "wmf" -> "E-61";
            case "thermoplan" -> "12";
            default -> "E01";
        };
    }

    private static String simError(String serial, String args) throws Exception {
        try (ClientSession s = sshClient.connect(serial, "127.0.0.1", ssh.port()).verify(Duration.ofSeconds(10))
                .getSession()) {
            s.addPasswordIdentity(Secrets.sshPassword(SEED, serial));
            s.auth().verify(Duration.ofSeconds(10));
            return s.executeRemoteCommand("sim-error " + args);
        }
    }

    private static List<JsonNode> fleetPos() {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode p : operator.get("/api/monitoring/overview").expect(200).json()) {
            if (posIds.containsValue(p.path("posId").asLong())) {
                out.add(p);
            }
        }
        return out;
    }

    private static String status(long posId) {
        return fleetPos().stream().filter(p -> p.path("posId").asLong() == posId).map(p -> p.path("status").asText())
                .findFirst().orElse("");
    }

    private static boolean subscribed() {
        return operator.get("/api/monitoring/subscriptions").expect(200).json().toString()
                .contains("\"posId\":" + targetPos + ",");
    }

    private static boolean subscribedByEmail() {
        return operator.get("/api/monitoring/subscriptions").expect(200).json().toString()
                .contains("\"posId\":" + targetPos + ",") && operator.get("/api/monitoring/subscriptions").expect(200)
                        .json().findValues("email").stream().anyMatch(JsonNode::asBoolean);
    }

    /** The first mail to the operator whose subject starts with {@code kind} and names {@code serial}. */
    private static MimeMessage awaitMail(String kind, String serial) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : mail.getReceivedMessagesForDomain("monitoring.test")) {
                if (m.getAllRecipients()[0].toString().equals(operatorEmail) && m.getSubject().contains(kind)
                        && m.getSubject().contains(serial)) {
                    return m;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no mail '" + kind + "… " + serial + "' to " + operatorEmail + " within 30 s");
    }

    private static List<String> notificationKinds() {
        List<String> kinds = new java.util.ArrayList<>();
        operator.get("/api/monitoring/notifications").expect(200).json().path("items")
                .forEach(n -> kinds.add(n.path("kind").asText()));
        return kinds;
    }

    private static long markerCount() {
        Object v = browser.script("var e = document.getElementById('overview-map');"
                + " return e ? e.getAttribute('data-markers') : null;");
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    private static int badge() {
        String t = browser.textOf("notifications-badge");
        return browser.byId("notifications-badge").isDisplayed() && !t.isEmpty() ? Integer.parseInt(t) : 0;
    }

    /** The marker's fill and the legend entry of {@code status} resolve to the same CSS colour. */
    private static boolean colourMatches(long posId, String status) {
        Object same = browser.script("""
                var map = document.getElementById('overview-map');
                var m = map && window.coffeePosMap.marker(map, arguments[0]);
                var legend = document.getElementById('legend-' + arguments[1]);
                if (!m || !legend) { return false; }
                var probe = document.createElement('span');
                probe.style.color = m.fill;
                document.body.appendChild(probe);
                var fill = getComputedStyle(probe).color;
                probe.remove();
                return m.status === arguments[1] && fill === getComputedStyle(legend).backgroundColor;
                """, posId, status);
        return Boolean.TRUE.equals(same);
    }

    private static void chooseSelect(String id, String label) {
        // The form sits below the POS's machine list, which other test classes' fleets can make long.
        browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.byId(id));
        browser.click(id);
        browser.until(d -> Boolean.TRUE.equals(browser.script("""
                var item = Array.from(document.querySelectorAll('vaadin-select-item'))
                    .find(i => i.textContent.trim() === arguments[0]);
                if (!item) { return false; }
                item.click();
                return true;
                """, label)), "'" + label + "' in #" + id);
        browser.idle();
        browser.until(d -> browser.textOf(id).contains(label), "'" + label + "' selected in #" + id);
    }

    private static void waitFor(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
