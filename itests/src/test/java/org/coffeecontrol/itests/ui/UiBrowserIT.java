package org.coffeecontrol.itests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Issue 2 item 8 in a real headless Chromium against the real distribution: an admin builds a client, a model, a
 * POS and its machine through the forms, finds the machine by serial, revisits a form from History; a client user
 * sees only its own client's POS, also when guessing a URL; a bad opening time stays on its field and writes
 * nothing; and the login and POS list work on a phone-sized screen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserIT {

    private static final String CLIENT_PASSWORD = "ui-client-pass-1";

    /** Unique per run: the distribution is shared with other test classes that create their own catalogue rows. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final String CLIENT = "UI Client " + RUN;
    private static final String MODEL = "UI Model " + RUN;
    private static final String POS = "UI Station " + RUN;
    private static final String SERIAL = "UI-SN-" + RUN;
    private static final String CLIENT_USER = "ui-client-" + RUN.toLowerCase();

    static Distribution dist;
    static Rest admin;
    static Browser browser;

    /** Created over REST: the other client, whose POS the client user must never see. */
    static long foreignPos;
    static String foreignPosName;
    /** Created through the UI by {@link #adminCreatesClientModelPosAndMachineThroughTheForms()}. */
    static long ownClient;
    static long ownPos;
    static long machine;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure("UiBrowserIT", () -> browser);

    @BeforeAll
    static void setUp() throws Exception {
        Browser.assumeUsable();
        dist = Distribution.shared();
        admin = dist.admin();
        long foreignClient = admin.post("/api/clients", Map.of("name", "UI Foreign " + RUN, "version", 0)).expect(201)
                .json().path("id").asLong();
        foreignPosName = "UI Foreign Station " + RUN;
        foreignPos = admin.post("/api/pos", Map.of("name", foreignPosName, "code", "UIF-" + RUN, "clientId",
                foreignClient, "version", 0)).expect(201).json().path("id").asLong();
        browser = Browser.start(dist.uiBase());
    }

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void wrongPasswordStaysOnTheLoginPageWithAMessage() {
        browser.open("/login");
        browser.waitVisible("login-username");
        // Flow does not even send an invisible component to the browser.
        assertFalse(browser.present("login-error") && browser.byId("login-error").isDisplayed());
        browser.type("login-username", "admin");
        browser.type("login-password", "not-the-password");
        browser.click("login-submit");
        browser.waitVisible("login-error");
        assertTrue(browser.path().startsWith("/login"), browser.path());
        assertFalse(browser.textOf("login-error").isEmpty());
    }

    @Test
    @Order(2)
    void adminCreatesClientModelPosAndMachineThroughTheForms() {
        browser.open("/login");
        browser.login("admin", Distribution.ADMIN_PASSWORD);

        browser.open("/clients");
        browser.click("clients-new");
        browser.waitForPath("/clients/new");
        browser.type("client-name", CLIENT);
        browser.type("client-code", "UIC-" + RUN);
        save("/clients");
        ownClient = onlyId("/api/clients?q=" + enc(CLIENT), CLIENT);

        browser.open("/models");
        browser.click("models-new");
        browser.type("model-name", MODEL);
        browser.type("model-manufacturer", "WMF");
        browser.choose("model-family", "wmf", "wmf");
        save("/models");
        long model = onlyId("/api/models?q=" + enc(MODEL), MODEL);
        assertEquals("wmf", admin.get("/api/models/" + model).expect(200).json().path("family").asText());

        browser.open("/pos");
        browser.click("pos-new");
        browser.type("pos-name", POS);
        browser.type("pos-code", "UIP-" + RUN);
        browser.choose("pos-clientId", CLIENT, CLIENT);
        browser.type("pos-address", "Moscow, Leninsky 12");
        browser.type("pos-openingHours-MON", "07:00-23:00");
        browser.type("pos-openingHours-SUN", "closed");
        save("/pos");
        ownPos = onlyId("/api/pos?q=" + enc(POS), POS);
        JsonNode pos = admin.get("/api/pos/" + ownPos).expect(200).json();
        assertEquals(ownClient, pos.path("clientId").asLong());
        assertEquals("07:00-23:00", pos.path("openingHours").path("MON").asText(), pos.toString());
        assertEquals("closed", pos.path("openingHours").path("SUN").asText(), pos.toString());

        browser.open("/equipment");
        browser.click("equipment-new");
        browser.choose("equipment-modelId", MODEL, MODEL);
        browser.type("equipment-serialNumber", SERIAL);
        browser.choose("equipment-posId", POS, POS);
        browser.type("equipment-host", "10.20.30.40");
        save("/equipment");
        machine = onlyId("/api/equipment?q=" + enc(SERIAL), SERIAL);
        JsonNode m = admin.get("/api/equipment/" + machine).expect(200).json();
        assertEquals(model, m.path("modelId").asLong());
        assertEquals(ownPos, m.path("posId").asLong());
        assertEquals("10.20.30.40", m.path("host").asText());

        assertTrue(browser.loadedGridTexts("equipment-grid").contains(SERIAL), "new machine not in the list");
    }

    @Test
    @Order(3)
    void globalSearchFindsTheMachineBySerialAndOpensIt() {
        requireCreated();
        browser.open("/");
        browser.pick("global-search", SERIAL, SERIAL);
        browser.waitForPath("/equipment/" + machine);
        browser.waitVisible("equipment-serialNumber");
        browser.until(d -> SERIAL.equals(browser.value("equipment-serialNumber")), "the machine's form");
        assertTrue(browser.comboLabel("equipment-posId").contains(POS), browser.comboLabel("equipment-posId"));
    }

    @Test
    @Order(4)
    void historyListsAnOpenedFormAndReopensIt() {
        requireCreated();
        browser.open("/pos/" + ownPos);
        browser.until(d -> POS.equals(browser.value("pos-name")), "the POS form");
        browser.click("form-cancel");
        browser.waitForPath("/pos");
        browser.open("/clients");

        browser.click("btn-history");
        browser.waitDialogOpen("history-panel");
        browser.until(d -> historyEntry(POS) != null, "'" + POS + "' in the history panel");
        String entry = historyEntry(POS);
        browser.click(entry);
        browser.waitForPath("/pos/" + ownPos);
        browser.until(d -> POS.equals(browser.value("pos-name")), "the POS form reopened from history");
        assertTrue(browser.dialogOpen("pos-editor"));
        browser.click("form-cancel");
    }

    @Test
    @Order(5)
    void anImpossibleOpeningTimeIsShownOnItsFieldAndNothingIsSaved() {
        requireCreated();
        String name = "UI Bad Hours " + RUN;
        long before = admin.get("/api/pos?limit=1").expect(200).json().path("total").asLong();
        browser.open("/pos/new");
        browser.type("pos-name", name);
        browser.choose("pos-clientId", CLIENT, CLIENT);
        browser.type("pos-openingHours-MON", "25:00-26:00");
        browser.click("form-save");
        browser.until(d -> browser.invalid("pos-openingHours-MON"), "the MON field marked invalid");
        assertFalse(browser.errorMessage("pos-openingHours-MON").isBlank());
        assertFalse(browser.invalid("pos-name"), "only the bad field is flagged");
        assertEquals("/pos/new", browser.path(), "the form stays open with what was typed");
        assertEquals(name, browser.value("pos-name"));

        assertEquals(0, admin.get("/api/pos?q=" + enc(name)).expect(200).json().path("total").asLong());
        assertEquals(before, admin.get("/api/pos?limit=1").expect(200).json().path("total").asLong());
        browser.click("form-cancel");
    }

    @Test
    @Order(6)
    void aClientUserSeesOnlyItsOwnClientsPos() {
        requireCreated();
        admin.post("/api/users", Map.of("username", CLIENT_USER, "roles", List.of("CLIENT"), "allClients", false,
                "clientIds", List.of(ownClient), "enabled", true, "password", CLIENT_PASSWORD)).expect(201);
        browser.logout();
        browser.login(CLIENT_USER, CLIENT_PASSWORD);
        assertFalse(browser.present("menu-clients"), "a client user is offered the clients catalogue");

        browser.open("/pos");
        browser.until(d -> browser.loadedGridTexts("pos-grid").contains(POS), "own POS in the list");
        List<String> cells = browser.loadedGridTexts("pos-grid");
        assertFalse(cells.contains(foreignPosName), "foreign POS listed: " + cells);
        assertFalse(browser.present("pos-new"), "a client user is offered to create a POS");

        browser.type("pos-filter", "UI");
        browser.until(d -> !browser.loadedGridTexts("pos-grid").isEmpty(), "filtered list");
        assertFalse(browser.loadedGridTexts("pos-grid").contains(foreignPosName));

        browser.open("/pos/" + foreignPos);
        browser.waitForPath("/pos");
        assertFalse(browser.dialogOpen("pos-editor"), "the foreign POS's form opened");
        assertNotEquals(foreignPosName, browser.present("pos-name") ? browser.value("pos-name") : "");
        assertFalse(browser.loadedGridTexts("pos-grid").contains(foreignPosName));

        browser.open("/equipment/" + machine);
        browser.until(d -> SERIAL.equals(browser.value("equipment-serialNumber")), "own machine's form");
        assertFalse(browser.present("form-save") && browser.byId("form-save").isDisplayed(),
                "a client user may not save equipment");
    }

    @Test
    @Order(7)
    void theChosenLanguageIsKeptForTheNextLogin() {
        requireCreated();
        browser.open("/");
        browser.click("user-menu");
        browser.click("user-language");
        browser.click("lang-ru");
        browser.until(d -> "ru".equals(admin.get("/api/users/" + CLIENT_USER).expect(200).json().path("locale")
                .asText()), "locale ru stored for " + CLIENT_USER);

        browser.forgetSession();
        browser.open("/login");
        browser.login(CLIENT_USER, CLIENT_PASSWORD);
        browser.until(d -> browser.present("menu-catalogues")
                && browser.textOf("menu-catalogues").contains("Справочники"), "the menu in Russian");
        browser.logout();
    }

    @Test
    @Order(8)
    void loginAndPosListWorkOnAPhone() {
        requireCreated();
        browser.forgetSession();
        browser.resize(Browser.PHONE);
        try {
            browser.open("/login");
            browser.waitVisible("login-submit");
            assertTrue(browser.rightEdge("login-submit") <= browser.viewportWidth(), "login button off screen");
            assertTrue(browser.horizontalOverflow() <= 0, "login page scrolls sideways");
            browser.login(CLIENT_USER, CLIENT_PASSWORD);

            browser.click("menu-toggle");
            browser.click("menu-pos");
            browser.waitForPath("/pos");
            browser.until(d -> browser.loadedGridTexts("pos-grid").contains(POS), "own POS in the list on a phone");
            assertFalse(browser.loadedGridTexts("pos-grid").contains(foreignPosName));
            assertTrue(browser.rightEdge("pos-filter") <= browser.viewportWidth(), "filter off screen");
            assertTrue(browser.horizontalOverflow() <= 0, "POS list scrolls sideways");

            browser.open("/pos/" + ownPos);
            browser.until(d -> POS.equals(browser.value("pos-name")), "the POS form on a phone");
            assertTrue(browser.rightEdge("pos-name") <= browser.viewportWidth(), "form field off screen");
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    @Test
    @Order(9)
    void techSupportEditsPointsOfSaleButNotClients() {
        requireCreated();
        String user = "ui-tech-" + RUN.toLowerCase();
        admin.post("/api/users", Map.of("username", user, "roles", List.of("TECH_SUPPORT"), "allClients", true,
                "clientIds", List.of(), "enabled", true, "password", CLIENT_PASSWORD)).expect(201);
        browser.forgetSession();
        browser.open("/login");
        browser.login(user, CLIENT_PASSWORD);

        browser.open("/clients/" + ownClient);
        browser.until(d -> CLIENT.equals(browser.value("client-name")), "the client's form");
        assertFalse(browser.present("form-save"), "tech support is offered to save a client");
        browser.click("form-cancel");
        browser.waitForPath("/clients");
        assertFalse(browser.present("clients-new"));

        browser.open("/pos/" + ownPos);
        browser.until(d -> POS.equals(browser.value("pos-name")), "the POS form");
        browser.type("pos-phone", "+7 495 123-45-67");
        save("/pos");
        // The server agrees with the button: the edit is stored.
        assertEquals("+7 495 123-45-67", admin.get("/api/pos/" + ownPos).expect(200).json().path("phone").asText());
        assertTrue(browser.present("pos-new"));
    }

    // ---- helpers

    /** Saves the open form and waits until the dialog closed back to the list. */
    private static void save(String listPath) {
        browser.click("form-save");
        browser.waitForPath(listPath);
    }

    private static long onlyId(String query, String what) {
        JsonNode page = admin.get(query).expect(200).json();
        assertEquals(1, page.path("total").asInt(), what + " not saved exactly once: " + page);
        return page.path("items").get(0).path("id").asLong();
    }

    private static String historyEntry(String title) {
        return browser.idsStartingWith("history-item-").stream().filter(id -> browser.textOf(id).contains(title))
                .findFirst().orElse(null);
    }

    private static void requireCreated() {
        Assumptions.assumeTrue(machine > 0, "needs the records created through the UI by the earlier step");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
