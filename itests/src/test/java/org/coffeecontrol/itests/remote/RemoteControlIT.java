package org.coffeecontrol.itests.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.Shell;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.itests.ui.Browser;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.PlatformClient;
import org.coffeecontrol.simulator.platform.PlatformSeeder;
import org.coffeecontrol.simulator.platform.UploadResult;
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

/**
 * Issue 5 end to end against the real distribution and a simulated WMF machine answering SSH in this JVM: the
 * REST refusals of injection attempts and out-of-range recipe values, then, in a headless Chromium, a tech-support
 * user reboots the machine, reads its drifted recipe (highlighted against the client's card), corrects it with a
 * write that is read back, and runs a stored SQL query — all from the machine's remote page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteControlIT {

    private static final long SEED = 50_505;
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final String SUPPORT = "rc-support-" + RUN.toLowerCase();
    private static final String OPERATOR = "rc-operator-" + RUN.toLowerCase();
    private static final String PASSWORD = "rc-it-password-42";

    static Distribution dist;
    static Rest admin;
    static Rest support;
    static Rest operator;
    static Simulator simulator;
    static MachineShell shell;
    static MachineSshServer ssh;
    static String serial;
    static long equipmentId;
    static long clientId;
    static String americanoSlot;
    static BigDecimal cardCoffee;
    static long storedQuery;
    static Browser browser;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure("RemoteControlIT", () -> browser);

    @BeforeAll
    static void setUp() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        Path work = Files.createTempDirectory("remote-it");
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        FleetModel fleet = FleetModel.generate(new FleetSpec(SEED, 6, 2, 1, "RC-"));
        // Telemetry is not this test's subject: the machines' uploads go nowhere.
        simulator = new Simulator(fleet, Simulator.Settings.live(Instant.now().minus(Duration.ofMinutes(2)))
                .withThreads(1), WireEncoders::forFamily,
                (family, s, secret, contentType, body) -> new UploadResult.Stored(0, 0, -1, List.of()),
                Clock.systemUTC());
        simulator.start();
        shell = new MachineShell(simulator, work.resolve("machines"), Clock.systemUTC());
        ssh = new MachineSshServer(shell, "127.0.0.1", 0, work.resolve("hostkey.ser"));
        ssh.start();
        new PlatformSeeder(new PlatformClient(URI.create(dist.restBase()), TestFleet.HTTP, "admin",
                Distribution.ADMIN_PASSWORD), "127.0.0.1", ssh.port()).seed(fleet);
        MachineSpec wmf = fleet.machines().stream().filter(m -> m.family().equals("wmf")).findFirst().orElseThrow();
        serial = wmf.serial();
        JsonNode equipment = admin.get("/api/equipment?q=" + enc(serial)).expect(200).json().path("items").get(0);
        equipmentId = equipment.path("id").asLong();
        clientId = admin.get("/api/pos/" + equipment.path("posId").asLong()).expect(200).json().path("clientId")
                .asLong();
        for (String[] user : new String[][] { { SUPPORT, "TECH_SUPPORT" }, { OPERATOR, "OPERATOR" } }) {
            admin.post("/api/users", Map.of("username", user[0], "roles", List.of(user[1]), "allClients", true,
                    "password", PASSWORD)).expect(201);
        }
        support = Rest.as(dist.restBase(), SUPPORT, PASSWORD);
        operator = Rest.as(dist.restBase(), OPERATOR, PASSWORD);
        support.put("/api/remote/machines/" + serial + "/credentials", Map.of("username", serial, "password",
                Secrets.sshPassword(SEED, serial))).expect(200);

        // The client's approved card is this machine's recipes as they are now; then coffee overuse creeps in.
        JsonNode recipes = untilAnswered(() -> support.get("/api/remote/recipes/machines/" + serial)).json();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (JsonNode r : recipes.path("recipes")) {
            if (r.path("product").asText().equals("Americano 200")) {
                americanoSlot = r.path("id").asText();
                cardCoffee = r.path("values").path("coffee_g").decimalValue();
            }
            r.path("values").fields().forEachRemaining(v -> entries.add(Map.of("product", r.path("product").asText(),
                    "field", v.getKey(), "value", v.getValue().decimalValue(), "tolerance", 0)));
        }
        long version = support.get("/api/remote/recipes/cards/" + clientId).expect(200).json().path("version")
                .asLong();
        support.put("/api/remote/recipes/cards/" + clientId, Map.of("entries", entries, "version", version))
                .expect(200);
        JsonNode update = untilAnswered(() -> support.post("/api/remote/machines/" + serial + "/sql", Map.of("sql",
                "UPDATE recipes SET coffee_g = 14.5 WHERE product = 'Americano 200'"))).json();
        assertEquals(1, update.path("rowsAffected").asInt(), update.toString());
        storedQuery = support.post("/api/remote/queries", Map.of("name", "Americano recipe " + RUN, "sql",
                "SELECT product, coffee_g, water_ml FROM recipes WHERE product = 'Americano 200'")).expect(201)
                .json().path("id").asLong();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (ssh != null) {
            ssh.close();
        }
        if (shell != null) {
            shell.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /**
     * The first login to a machine (key exchange on a loaded CI machine) may miss the connect timeout: the machine
     * then counts as not online (409, or an SQL result with a transport outcome), and the test asks again.
     */
    private static Rest.Response untilAnswered(java.util.function.Supplier<Rest.Response> call)
            throws InterruptedException {
        Rest.Response r = null;
        for (int i = 0; i < 10; i++) {
            r = call.get();
            boolean transportFailure = r.status() == 409 || (r.status() == 200 && r.body().contains("\"outcome\"")
                    && !r.body().contains("\"outcome\":\"OK\""));
            if (!transportFailure) {
                return r.expect(200);
            }
            Thread.sleep(3000);
        }
        return r.expect(200);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void injectionAttemptsAndOutOfRangeValuesAreRefusedWithClearErrors() throws Exception {
        String machine = "/api/remote/machines/" + serial;
        for (String count : List.of("5; reboot", "5 && id", "$(reboot)", "`id`", "5|sh", "1; DROP TABLE recipes",
                "1' OR '1'='1")) {
            Rest.Response r = support.post(machine + "/commands/last-drinks", Map.of("args", Map.of("count", count)))
                    .expect(400);
            assertEquals("args", r.json().path("field").asText(), r.body());
        }
        // the body is optional: a bare POST (no body, no Content-Type) runs a command without arguments
        JsonNode bare = support.post(machine + "/commands/connection-test", null).expect(200).json();
        assertEquals("connection-test", bare.path("commandId").asText(), bare.toString());
        assertEquals(SUPPORT, bare.path("username").asText(), bare.toString());
        assertEquals("connection-test", support.post(machine + "/commands/connection-test", "").expect(200).json()
                .path("commandId").asText(), "an empty JSON body");
        Rest.Response malformed = support.send("POST", machine + "/commands/last-drinks", "{\"args\": {\"count\": ")
                .expect(400);
        // The command resource parses its optional body itself: the parser's own words name what is wrong.
        assertTrue(malformed.body().contains("malformed JSON") || malformed.body().contains("end-of-input"),
                malformed.body());
        for (String path : List.of("../etc/passwd", "logs/../../x", "/etc/passwd", "logs/..\\x")) {
            Rest.Response r = support.get(machine + "/files?path=" + enc(path)).expect(400);
            assertEquals("path", r.json().path("field").asText(), r.body());
        }
        String recipe = "/api/remote/recipes/machines/" + serial + "/" + americanoSlot;
        Rest.Response tooMuch = support.put(recipe, Map.of("values", Map.of("coffee_g", 30))).expect(400);
        assertEquals("values.coffee_g", tooMuch.json().path("field").asText(), tooMuch.body());
        assertTrue(tooMuch.body().contains("between 0 and 24.0"), tooMuch.body());
        assertEquals("values.temperature_c", support.put(recipe, Map.of("values", Map.of("temperature_c", 120)))
                .expect(400).json().path("field").asText());
        assertEquals("recipeId", support.put("/api/remote/recipes/machines/" + serial + "/" + enc("3;reboot"),
                Map.of("values", Map.of("water_ml", 100))).expect(400).json().path("field").asText());
        support.put(recipe, "{\"values\":{\"coffee_g\":\"9; DROP TABLE recipes\"}}").expect(400);
        operator.put(recipe, Map.of("values", Map.of("coffee_g", 9))).expect(403);
        // none of it reached the machine: the recipe still shows the drift set up above
        JsonNode read = operator.get("/api/remote/recipes/machines/" + serial).expect(200).json();
        assertEquals(1, read.path("deviations").size(), read.toString());
        assertEquals(0, new BigDecimal("14.5").compareTo(read.path("deviations").get(0).path("actual")
                .decimalValue()));
        // the shell says the same
        Shell.Result shown = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:recipes " + serial);
        assertTrue(shown.out().contains("*14.5") && shown.out().contains("1 deviations"), shown.toString());
        Shell.Result refused = Shell.exec("admin", Distribution.ADMIN_PASSWORD, "coffee:recipes -s " + americanoSlot
                + " " + serial + " coffee_g=99");
        assertTrue((refused.out() + refused.err()).contains("Invalid values.coffee_g"), refused.toString());
        Shell.Result driftShown = Shell.exec("admin", Distribution.ADMIN_PASSWORD,
                "coffee:recipe-drift -c " + clientId);
        assertTrue(driftShown.out().contains(serial) && driftShown.out().contains("over by 4"),
                driftShown.toString());
        // the drift check lists the machine; the VNC password stays with tech support
        JsonNode drift = operator.get("/api/remote/recipes/drift?clientId=" + clientId).expect(200).json();
        assertTrue(drift.path("machines").toString().contains(serial), drift.toString());
        support.put("/api/remote/screen/machines/" + serial, Map.of("port", 5901, "password", "vnc-pass-" + RUN))
                .expect(200);
        JsonNode seen = operator.get("/api/remote/screen/machines/" + serial).expect(200).json();
        assertEquals("vnc://127.0.0.1:5901", seen.path("url").asText());
        assertTrue(seen.path("password").isNull(), seen.toString());
        assertFalse(seen.toString().contains("vnc-pass-"));
    }

    @Test
    @Order(2)
    void techSupportRebootsCorrectsADriftedRecipeAndRunsAStoredQueryFromTheUi() {
        Browser.assumeUsable();
        try {
            browser = Browser.start(dist.uiBase());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        browser.open("/login");
        browser.login(SUPPORT, PASSWORD);
        browser.open("/machine/" + equipmentId + "/remote");
        browser.waitVisible("remote-commands");
        assertTrue(browser.textOf("remote-title").contains(serial), browser.textOf("remote-title"));

        // Commands: reboot, without blocking the page; the output and the history show it
        browser.click("remote-run-reboot");
        browser.until(d -> "ok".equals(state("remote-command-status")), "reboot answered: "
                + browser.textOf("remote-command-status"));
        assertTrue(browser.textOf("remote-command-output").contains("rebooting"),
                browser.textOf("remote-command-output"));
        browser.until(d -> browser.loadedGridTexts("remote-history").contains("reboot"), "reboot in the history");

        // Recipes: the machine is back after its reboot; the drifted coffee dose is highlighted
        browser.click("remote-tab-recipes");
        String cell = "recipe-" + americanoSlot + "-coffee_g";
        browser.until(d -> {
            if (!"busy".equals(state("remote-recipes-status"))) {
                if (browser.present(cell)) {
                    return true;
                }
                browser.click("remote-recipes-read");
            }
            return false;
        }, "recipes read once the machine is back: " + browser.textOf("remote-recipes-status"));
        assertEquals("14.5", browser.textOf(cell));
        assertTrue(browser.byId(cell).getAttribute("class").contains("recipe-deviation"));
        assertTrue(browser.textOf("remote-recipes-status").contains("1"), browser.textOf("remote-recipes-status"));

        // an out-of-range value stays on its field and nothing is written
        browser.click("recipe-edit-" + americanoSlot);
        browser.waitDialogOpen("recipe-dialog");
        browser.type("recipe-field-coffee_g", "30");
        browser.click("recipe-save");
        browser.until(d -> browser.invalid("recipe-field-coffee_g"), "coffee_g marked invalid");
        assertTrue(browser.errorMessage("recipe-field-coffee_g").contains("24"),
                browser.errorMessage("recipe-field-coffee_g"));
        assertTrue(browser.dialogOpen("recipe-dialog"));

        // the card's value is written, read back and the highlight is gone
        browser.type("recipe-field-coffee_g", cardCoffee.toPlainString());
        browser.click("recipe-save");
        browser.until(d -> "ok".equals(state("remote-recipes-status"))
                && browser.textOf("remote-recipes-status").contains("Americano 200"), "write confirmed: "
                        + browser.textOf("remote-recipes-status"));
        assertEquals(0, cardCoffee.compareTo(new BigDecimal(browser.textOf(cell))));
        assertFalse(browser.byId(cell).getAttribute("class").contains("recipe-deviation"));
        JsonNode after = support.get("/api/remote/recipes/machines/" + serial).expect(200).json();
        assertEquals(0, after.path("deviations").size(), after.toString());

        // SQL: a stored query, its result as a grid
        browser.click("remote-tab-sql");
        browser.choose("remote-sql-query", "Americano recipe " + RUN, "Americano recipe " + RUN);
        browser.click("remote-sql-run");
        browser.until(d -> "ok".equals(state("remote-sql-status")), "query answered: "
                + browser.textOf("remote-sql-status"));
        List<String> cells = browser.loadedGridTexts("remote-sql-result");
        assertTrue(cells.contains("Americano 200") && cells.contains("COFFEE_G"), cells.toString());

        // every step is in the machine's history, with who did it
        JsonNode history = support.get("/api/remote/machines/" + serial + "/history").expect(200).json();
        List<String> runs = new ArrayList<>();
        history.path("items").forEach(r -> runs.add(r.path("commandId").asText() + "/" + r.path("username").asText()
                + "/" + r.path("outcome").asText()));
        assertTrue(runs.contains("reboot/" + SUPPORT + "/OK"), runs.toString());
        assertTrue(runs.contains("recipe-write/" + SUPPORT + "/OK"), runs.toString());
    }

    private static String state(String id) {
        return browser.present(id) ? browser.byId(id).getAttribute("data-state") : null;
    }
}
