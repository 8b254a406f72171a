package org.coffeecontrol.itests.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Sensors;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.itests.ui.Browser;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 7's reports UI in headless Chromium against the real distribution. A fleet of two clients posts the
 * manual's sample day (58 drinks over three products ... eleven products) at client A's shop and a few drinks at
 * client B's; the expected figures are counted from the events this test sent, not asked from the platform. Then:
 * the drinks report run from its menu entry shows those figures and the total, its xlsx download reads back with
 * the same values as numbers (and days as dates), the report is in History, the charts draw, and a user of client A
 * sees neither client B's shop in the filter nor its drinks in the result.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsBrowserIT {

    private static final long SEED = 7_007_007L;
    /** Well in the past, so no other test's fleet (they play "now") has drinks on it. */
    private static final LocalDate DAY = LocalDate.of(2025, 11, 19);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final String CLIENT_USER = "rep-client-" + RUN;
    private static final String PASSWORD = "rep-client-pass-1";

    /** The manual's sample day (DOMAIN.md), sold at client A's shop. */
    private static final Map<String, Integer> MANUAL_DAY = new LinkedHashMap<>();

    static {
        MANUAL_DAY.put("Americano 200", 20);
        MANUAL_DAY.put("Hot water 200", 6);
        MANUAL_DAY.put("Double espresso", 4);
        MANUAL_DAY.put("Cappuccino 200", 13);
        MANUAL_DAY.put("Latte 200", 5);
        MANUAL_DAY.put("Moccaccino 200", 1);
        MANUAL_DAY.put("Milk 50", 2);
        MANUAL_DAY.put("Flat white 200", 2);
        MANUAL_DAY.put("Chocolate", 1);
        MANUAL_DAY.put("Chocolate with milk", 1);
        MANUAL_DAY.put("Espresso", 3);
    }

    static Distribution dist;
    static Rest admin;
    static Browser browser;
    static Path downloads;

    static String posA;
    static long posAId;
    static long clientA;
    static String posB;
    static MachineSpec sensorMachine;
    /** What the test sent, per product, at each shop. */
    static final Map<String, Long> soldAtA = new TreeMap<>();
    static final Map<String, Long> soldAtB = new TreeMap<>();

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure("ReportsBrowserIT", () -> browser);

    @BeforeAll
    static void setUp() throws Exception {
        Browser.assumeUsable();
        dist = Distribution.shared();
        admin = dist.admin();
        TestFleet fleet = register();
        List<MachineSpec> machines = fleet.machines();
        String codeA = machines.get(0).posCode();
        List<MachineSpec> atA = machines.stream().filter(m -> m.posCode().equals(codeA)).toList();
        List<MachineSpec> atB = machines.stream().filter(m -> !m.posCode().equals(codeA)).toList();
        assertFalse(atB.isEmpty(), "the fleet put every machine at one shop");
        JsonNode a = pos(codeA);
        JsonNode b = pos(atB.get(0).posCode());
        posA = a.path("name").asText();
        posAId = a.path("id").asLong();
        clientA = a.path("clientId").asLong();
        posB = b.path("name").asText();
        assertTrue(clientA != b.path("clientId").asLong(), "both shops belong to one client");
        sensorMachine = atA.get(0);

        // The sample day spread over client A's machines from 08:00 UTC, ten minutes apart; a few at client B's.
        Map<MachineSpec, List<MachineEvent>> events = new LinkedHashMap<>();
        machines.forEach(m -> events.put(m, new ArrayList<>()));
        Instant start = DAY.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC);
        int i = 0;
        for (Map.Entry<String, Integer> p : MANUAL_DAY.entrySet()) {
            for (int n = 0; n < p.getValue(); n++, i++) {
                List<MachineEvent> list = events.get(atA.get(i % atA.size()));
                list.add(new MachineEvent.DrinkMade(list.size() + 1, start.plusSeconds(600L * i), p.getKey(),
                        size(p.getKey())));
                soldAtA.merge(p.getKey(), 1L, Long::sum);
            }
        }
        for (int n = 0; n < 7; n++) {
            List<MachineEvent> list = events.get(atB.get(n % atB.size()));
            String product = n % 2 == 0 ? "Espresso" : "Americano 200";
            list.add(new MachineEvent.DrinkMade(list.size() + 1, start.plusSeconds(900L * n), product, size(product)));
            soldAtB.merge(product, 1L, Long::sum);
        }
        // A temperature and a level every ten minutes from 08:00 to 17:50 for the machine chart.
        List<MachineEvent> sensors = events.get(sensorMachine);
        for (int k = 0; k < 60; k++) {
            Instant t = start.plusSeconds(600L * k + 30);
            sensors.add(new MachineEvent.SensorReading(sensors.size() + 1, t, Sensors.BOILER_TEMP, 90 + k % 4, Sensors.CELSIUS));
            sensors.add(new MachineEvent.SensorReading(sensors.size() + 1, t, Sensors.BEANS_LEVEL, 100 - k, Sensors.PERCENT));
        }
        for (Map.Entry<MachineSpec, List<MachineEvent>> e : events.entrySet()) {
            if (!e.getValue().isEmpty()) {
                List<MachineEvent> sorted = new ArrayList<>(e.getValue());
                sorted.sort(java.util.Comparator.comparingLong(MachineEvent::seq));
                UploadResult r = fleet.upload(e.getKey(), sorted);
                assertInstanceOf(UploadResult.Stored.class, r, "upload for " + e.getKey().serial() + ": " + r);
            }
        }
        awaitRollups();

        downloads = Files.createTempDirectory("coffee-report-downloads-");
        browser = Browser.start(dist.uiBase());
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /**
     * The JAX-RS whiteboard keeps rebuilding its application while feature bundles start (answering 404 "No service
     * was found" meanwhile), which on a loaded machine lasts past the health check: wait for the resources this
     * test uses, and register again (it is idempotent) if one still went away mid-way.
     */
    private static TestFleet register() throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            awaitStatus200("/api/equipment?limit=1", "/api/pos?limit=1", "/api/reports", "/api/users?limit=1");
            try {
                return TestFleet.register(dist.restBase(), SEED, 6, 2);
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                Thread.sleep(2000);
            }
        }
    }

    private static void awaitStatus200(String... paths) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (String path : paths) {
            while (admin.get(path).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(path + " not answering 200 after 2 minutes");
                }
                Thread.sleep(500);
            }
        }
    }

    /** Seeded sizes end the canonical names: "Americano 200" is a 200 ml cup. */
    private static Integer size(String product) {
        String last = product.substring(product.lastIndexOf(' ') + 1);
        return last.chars().allMatch(Character::isDigit) ? Integer.valueOf(last) : null;
    }

    private static JsonNode pos(String code) {
        for (JsonNode p : admin.get("/api/pos?q=" + code + "&limit=10").expect(200).json().path("items")) {
            if (code.equals(p.path("code").asText())) {
                return p;
            }
        }
        throw new AssertionError("no POS " + code);
    }

    /** The rollups follow the ingest asynchronously: wait until they hold the day, before the browser looks. */
    private static void awaitRollups() throws InterruptedException {
        Map<String, Object> request = Map.of("reportId", "drinks", "from", DAY.toString(), "to", DAY.toString(),
                "filter", Map.of("posIds", List.of(posAId)));
        long expected = total(soldAtA);
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            Rest.Response r = admin.post("/api/reports/drinks/run", request);
            last = r.status() + " " + r.body();
            if (r.status() == 200) {
                JsonNode totals = r.json().path("totals");
                if (totals.size() > 1 && totals.get(1).asLong() == expected) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the drinks rollups never showed " + expected + " drinks: " + last);
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void theDrinksReportFromTheMenuShowsTheSampleDayAndItsTotal() {
        browser.open("/login");
        browser.login("admin", Distribution.ADMIN_PASSWORD);
        browser.click("menu-report-drinks");
        browser.waitForPath("/reports/drinks");
        runDrinksForTheDay(posA);

        assertEquals(Long.toString(total(soldAtA)), browser.textOf("report-total-drinks"));
        assertEquals(58, total(soldAtA), "the manual's sample day");
        Map<String, String> shown = rows(browser.loadedGridTexts("report-grid"));
        for (Map.Entry<String, Long> e : soldAtA.entrySet()) {
            assertEquals(e.getValue().toString(), shown.get(e.getKey()), e.getKey() + " in " + shown);
        }
    }

    @Test
    @Order(2)
    void theXlsxDownloadHoldsTheSameFiguresAsNumbers() throws Exception {
        requireRun();
        Path file = download("report-export-xlsx", ".xlsx");
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Product", sheet.getRow(0).getCell(0).getStringCellValue());
            Map<String, Double> read = new TreeMap<>();
            Double total = null;
            for (Row row : sheet) {
                if (row.getRowNum() == 0 || row.getCell(0) == null) {
                    continue;
                }
                String label = row.getCell(0).getStringCellValue();
                Cell count = row.getCell(1);
                assertEquals(CellType.NUMERIC, count.getCellType(), "count of " + label + " is not a number");
                if (label.equals("Total")) {
                    total = count.getNumericCellValue();
                } else {
                    read.put(label, count.getNumericCellValue());
                }
            }
            Map<String, Double> expected = new TreeMap<>();
            soldAtA.forEach((k, v) -> expected.put(k, v.doubleValue()));
            assertEquals(expected, read);
            assertEquals(58.0, total);
        }
    }

    @Test
    @Order(3)
    void groupedByDayTheDownloadCarriesTheDayAsADate() throws Exception {
        requireRun();
        selectItem("report-group-2", "Period");
        browser.click("report-run");
        awaitResult();
        Path file = download("report-export-xlsx", ".xlsx");
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertEquals("Period", header.getCell(1).getStringCellValue());
            Row first = sheet.getRow(1);
            Cell day = first.getCell(1);
            assertEquals(CellType.NUMERIC, day.getCellType(), "the day is not a spreadsheet date");
            assertTrue(DateUtil.isCellDateFormatted(day), "the day has no date format");
            assertEquals(DAY, day.getLocalDateTimeCellValue().toLocalDate());
        }
        assertEquals("58", browser.textOf("report-total-drinks"));
    }

    @Test
    @Order(4)
    void theReportIsInHistoryAndReopensFromThere() {
        requireRun();
        browser.open("/");
        browser.click("btn-history");
        browser.waitDialogOpen("history-panel");
        browser.until(d -> historyEntry("Drinks sold") != null, "the drinks report in the history panel");
        browser.click(historyEntry("Drinks sold"));
        browser.waitForPath("/reports/drinks");
        browser.waitVisible("report-run");
    }

    @Test
    @Order(5)
    void theChartsDrawDrinksByProductAndAMachinesSensors() {
        requireRun();
        browser.click("menu-charts");
        browser.waitForPath("/charts");
        date("report-from");
        date("report-to");
        chooseMulti("report-filter-pos", posA);
        browser.click("chart-drinks-show");
        browser.until(d -> Integer.toString(soldAtA.size()).equals(browser.byId("chart-drinks")
                .getDomAttribute("data-rendered")), "the drinks chart drawn with one series per product");
        assertTrue(canvasWidth("chart-drinks") > 100, "the drinks chart has no canvas");

        browser.click("tab-chart-sensors");
        browser.choose("chart-machine", sensorMachine.serial(), sensorMachine.serial());
        date("chart-sensors-from");
        date("chart-sensors-to");
        browser.click("chart-sensors-show");
        browser.until(d -> "2".equals(browser.byId("chart-sensors").getDomAttribute("data-rendered")),
                "the sensor chart drawn with a temperature and a level");
        assertTrue(canvasWidth("chart-sensors") > 100, "the sensor chart has no canvas");
    }

    @Test
    @Order(6)
    void aClientUserSeesOnlyItsOwnShopInTheFilterAndItsOwnDrinksInTheResult() {
        requireRun();
        admin.post("/api/users", Map.of("username", CLIENT_USER, "roles", List.of("CLIENT"), "allClients", false,
                "clientIds", List.of(clientA), "enabled", true, "password", PASSWORD)).expect(201);
        browser.forgetSession();
        browser.open("/login");
        browser.login(CLIENT_USER, PASSWORD);
        browser.click("menu-report-drinks");
        browser.waitForPath("/reports/drinks");

        List<String> offered = multiItems("report-filter-pos", "");
        assertTrue(offered.contains(posA), posA + " not offered: " + offered);
        assertFalse(offered.contains(posB), "the other client's shop is offered: " + offered);

        // No filter at all: the service narrows to the client's machines by itself.
        date("report-from");
        date("report-to");
        browser.click("report-run");
        awaitResult();
        assertEquals(Long.toString(total(soldAtA)), browser.textOf("report-total-drinks"),
                "client B sold " + total(soldAtB) + " that day");
    }

    // ---- helpers

    private static void runDrinksForTheDay(String pos) {
        date("report-from");
        date("report-to");
        chooseMulti("report-filter-pos", pos);
        browser.click("report-run");
        awaitResult();
    }

    /** Types the test's day into a date picker and closes its calendar, which would swallow the next click. */
    private static void date(String id) {
        browser.type(id, DAY.toString());
        js("arguments[0].opened = false;", browser.byId(id));
        browser.until(d -> DAY.toString().equals(browser.value(id)), DAY + " in #" + id);
        browser.idle();
    }

    private static void awaitResult() {
        browser.until(d -> browser.present("report-total-drinks")
                && !"true".equals(browser.byId("report-run").getDomProperty("disabled")), "the report's result");
        browser.idle();
    }

    /** Grid cells read as label → count: a product's cell is followed by its count. */
    private static Map<String, String> rows(List<String> cells) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < cells.size(); i++) {
            out.putIfAbsent(cells.get(i), cells.get(i + 1));
        }
        return out;
    }

    private static long total(Map<String, Long> sold) {
        return sold.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Clicks a download link and waits for the finished file (Chromium writes *.crdownload until done). */
    private static Path download(String linkId, String suffix) throws IOException {
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        browser.click(linkId);
        browser.until(d -> finished(suffix) != null, "a finished " + suffix + " download in " + downloads);
        return finished(suffix);
    }

    private static Path finished(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                return null;
            }
            return all.stream().filter(p -> p.toString().endsWith(suffix)).findFirst()
                    .filter(p -> p.toFile().length() > 0).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Opens a multi-select combo box filtered by {@code filter} and returns the labels it offers. */
    @SuppressWarnings("unchecked")
    private static List<String> multiItems(String id, String filter) {
        browser.type(id, filter);
        js("arguments[0].opened = true;", browser.byId(id));
        browser.until(d -> !((List<String>) js(ITEMS)).isEmpty(), "items in #" + id);
        browser.idle();
        List<String> items = (List<String>) js(ITEMS);
        js("arguments[0].opened = false;", browser.byId(id));
        return items;
    }

    /** Selects the one entry matching {@code label} of a multi-select combo box. */
    @SuppressWarnings("unchecked")
    private static void chooseMulti(String id, String label) {
        browser.idle();
        var input = browser.byId(id).findElement(org.openqa.selenium.By.cssSelector("input"));
        input.sendKeys(label);
        browser.until(d -> ((List<String>) js(ITEMS)).contains(label), "'" + label + "' offered by #" + id);
        js("""
                var overlay = Array.from(document.querySelectorAll(
                    'vaadin-multi-select-combo-box-overlay, vaadin-combo-box-overlay')).filter(o => o.opened)[0];
                var item = Array.from(overlay.querySelectorAll(
                    'vaadin-multi-select-combo-box-item, vaadin-combo-box-item'))
                    .filter(i => i.textContent.trim() === arguments[0])[0];
                item.click();
                """, label);
        browser.until(d -> ((List<String>) js("return (arguments[0].selectedItems || []).map(i => i.label);",
                browser.byId(id))).contains(label), "'" + label + "' selected in #" + id);
        js("arguments[0].opened = false;", browser.byId(id));
        browser.idle();
    }

    private static final String ITEMS = """
            var items = [];
            document.querySelectorAll('vaadin-multi-select-combo-box-overlay, vaadin-combo-box-overlay')
                .forEach(o => { if (o.opened) {
                    o.querySelectorAll('vaadin-multi-select-combo-box-item, vaadin-combo-box-item')
                        .forEach(i => { if (!i.hidden) { items.push(i.textContent.trim()); } });
                } });
            return items;
            """;

    /** Picks the entry with this text of a Vaadin select. */
    private static void selectItem(String id, String text) {
        browser.click(id);
        browser.until(d -> Boolean.TRUE.equals(js("""
                var item = Array.from(document.querySelectorAll('vaadin-select-item'))
                    .filter(i => i.textContent.trim() === arguments[0] && i.getClientRects().length > 0)[0];
                if (!item) { return false; }
                item.click();
                return true;
                """, text)), "'" + text + "' in #" + id);
        browser.idle();
    }

    private static long canvasWidth(String id) {
        Object w = js("var c = arguments[0].querySelector('canvas'); return c ? c.width : 0;", browser.byId(id));
        return ((Number) w).longValue();
    }

    private static String historyEntry(String title) {
        return browser.idsStartingWith("history-item-").stream().filter(id -> browser.textOf(id).contains(title))
                .findFirst().orElse(null);
    }

    private static void requireRun() {
        Assumptions.assumeTrue(posA != null, "needs the seeded fleet");
    }

    private static Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(script, args);
    }
}
