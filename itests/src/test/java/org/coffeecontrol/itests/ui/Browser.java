package org.coffeecontrol.itests.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driving the Vaadin UI by the element ids the UI promises. Vaadin fields keep their
 * {@code <input>} in the light DOM, so typing goes there; every server round trip is awaited before the next step,
 * because a click queued behind an unfinished request acts on a stale page.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1366, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    /** Per step; {@code -Dit.browserTimeoutSeconds} lengthens it on a machine loaded far beyond its cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("it.browserTimeoutSeconds", 30));

    /** True when no pending Flow request is in flight in any Vaadin client of the page. */
    private static final String VAADIN_IDLE = """
            var flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) { return document.readyState === 'complete'; }
            for (var k in flow.clients) {
              var c = flow.clients[k];
              if (c && c.isActive && c.isActive()) { return false; }
            }
            return document.readyState === 'complete';
            """;

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Whether this machine can run the browser tests at all (CI installs both packages). */
    /** Skips the calling test class, saying why, when browser tests are off or chromium/chromedriver are missing. */
    public static void assumeUsable() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("it.skipBrowser"),
                "browser tests skipped (-Dit.skipBrowser=true)");
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "no " + CHROMIUM + " / " + CHROMEDRIVER);
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser start(String base) throws IOException {
        Path profile = Files.createTempDirectory("coffee-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-US",
                "--user-data-dir=" + profile);
        // The Debian driver, never one Selenium Manager would try to download.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
        idle();
    }

    /** Opens a UI path (e.g. {@code /pos/12}) and waits until Vaadin has rendered it. */
    public void open(String path) {
        driver.get(base + path);
        idle();
    }

    /** Drops the session cookie: the next page is seen by an anonymous visitor. */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public void waitForPath(String expected) {
        until(d -> path().equals(expected), "path " + expected + " (at " + driver.getCurrentUrl() + ")");
        idle();
    }

    public void login(String username, String password) {
        waitVisible("login-username");
        type("login-username", username);
        type("login-password", password);
        click("login-submit");
        until(d -> !path().startsWith("/login") && present("global-search"), "main layout after login as " + username);
        idle();
    }

    /** Logs out through the user menu. */
    public void logout() {
        click("user-menu");
        waitVisible("logout");
        click("logout");
        until(d -> path().startsWith("/login") && present("login-username"), "login page after logout");
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /**
     * Whether the element is in the page and shown. A grid row that left the data is hidden, not emptied, by
     * vaadin-grid: its buttons can stay in the DOM, so "gone from the grid" means not shown, not absent.
     */
    public boolean shown(String id) {
        return present(id) && byId(id).isDisplayed();
    }

    public WebElement waitVisible(String id) {
        until(d -> present(id) && byId(id).isDisplayed(), "#" + id + " visible");
        return byId(id);
    }

    /**
     * Whether a Vaadin dialog is open. The {@code <vaadin-dialog>} element itself never has a size (its content
     * lives in an overlay), so "displayed" says nothing about it.
     */
    public boolean dialogOpen(String id) {
        return present(id) && Boolean.TRUE.equals(js("return arguments[0].opened === true;", byId(id)));
    }

    public void waitDialogOpen(String id) {
        until(d -> dialogOpen(id), "dialog #" + id + " open");
        idle();
    }

    public void click(String id) {
        idle();
        waitVisible(id);
        until(d -> {
            try {
                byId(id).click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                // Either an overlay is still animating in or out, or the element sits under the app layout's fixed
                // navbar: WebDriver scrolls an element above the viewport only up to the viewport's top edge, which
                // the navbar covers, and never scrolls again once it counts as in view. Centre it; the next poll
                // clicks again.
                System.err.println("click on #" + id + " intercepted: " + String.valueOf(e.getMessage()).lines().findFirst()
                        .orElse(""));
                js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", byId(id));
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        }, "click on #" + id);
        idle();
    }

    /** Replaces the text of a Vaadin text field and commits it (the change event fires on Tab). */
    public void type(String id, String text) {
        idle();
        WebElement input = input(id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.TAB);
        idle();
    }

    /**
     * Picks the entry of a Vaadin combo box: types the filter, waits for the server's items, then ArrowDown and
     * Enter select the first of them. Callers filter by text unique to the wanted entry.
     */
    public void pick(String id, String filter, String expectedLabel) {
        idle();
        WebElement input = input(id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(filter);
        until(d -> comboItems().stream().anyMatch(t -> t.contains(expectedLabel)),
                "item '" + expectedLabel + "' in #" + id + " (items: " + comboItems() + ")");
        until(d -> comboItems().size() == 1 || comboItems().stream().allMatch(t -> t.contains(expectedLabel)),
                "only '" + expectedLabel + "' left in #" + id + " (items: " + comboItems() + ")");
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        idle();
    }

    /** {@link #pick} for a combo box whose value stays in the field (not the global search, which navigates). */
    public void choose(String id, String filter, String expectedLabel) {
        pick(id, filter, expectedLabel);
        until(d -> comboLabel(id).contains(expectedLabel),
                "'" + expectedLabel + "' selected in #" + id + " (shows '" + comboLabel(id) + "')");
    }

    /**
     * Closes a combo box's list as a keyboard user does. After a pick the list of a multi-select combo box stays
     * open with the picked item highlighted: the first Escape only drops the highlight, the next one closes it.
     */
    public void closeCombo(String id) {
        until(d -> {
            if (!Boolean.TRUE.equals(js("return arguments[0].opened === true;", byId(id)))) {
                return true;
            }
            input(id).sendKeys(Keys.ESCAPE);
            return false;
        }, "the list of #" + id + " closed");
        idle();
    }

    /** The labels of the open combo box's items. */
    @SuppressWarnings("unchecked")
    public List<String> comboItems() {
        return (List<String>) js("""
                var open = Array.from(document.querySelectorAll(
                        'vaadin-combo-box-overlay, vaadin-multi-select-combo-box-overlay'))
                    .filter(o => o.opened);
                var items = [];
                open.forEach(o => o.querySelectorAll('vaadin-combo-box-item, vaadin-multi-select-combo-box-item')
                    .forEach(i => { if (!i.hidden) { items.push(i.textContent.trim()); } }));
                return items;
                """);
    }

    /** The value property of a Vaadin field (what the user sees in a text field). */
    public String value(String id) {
        Object v = js("return arguments[0].value;", byId(id));
        return v == null ? "" : v.toString();
    }

    /** The text of a combo box's input (its selected item's label). */
    public String comboLabel(String id) {
        return input(id).getDomProperty("value");
    }

    public boolean invalid(String id) {
        return Boolean.TRUE.equals(js("return arguments[0].invalid === true;", byId(id)));
    }

    public String errorMessage(String id) {
        Object v = js("return arguments[0].errorMessage;", byId(id));
        return v == null ? "" : v.toString();
    }

    /** The texts of every cell of a Vaadin grid's shown rows, header cells included. */
    @SuppressWarnings("unchecked")
    public List<String> gridTexts(String id) {
        return (List<String>) js("""
                return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))
                    .filter(c => {
                        // The grid keeps a pool of rows: those beyond the items are hidden but keep old texts.
                        const row = c.assignedSlot && c.assignedSlot.closest('tr');
                        return row && !row.hidden;
                    })
                    .map(c => c.textContent.trim()).filter(t => t.length > 0);
                """, byId(id));
    }

    /** Waits until the grid's data has arrived (no loading state) and returns its cell texts. */
    public List<String> loadedGridTexts(String id) {
        waitVisible(id);
        until(d -> Boolean.FALSE.equals(js("return !!arguments[0].loading;", byId(id))), "#" + id + " loaded");
        idle();
        return gridTexts(id);
    }

    public String textOf(String id) {
        Object v = js("return arguments[0].textContent;", byId(id));
        return v == null ? "" : v.toString().trim();
    }

    /** Ids of the elements whose id starts with a prefix, e.g. every {@code history-item-}. */
    @SuppressWarnings("unchecked")
    public List<String> idsStartingWith(String prefix) {
        return (List<String>) js("return Array.from(document.querySelectorAll('[id^=\"' + arguments[0] + '\"]'))"
                + ".map(e => e.id);", prefix);
    }

    /** Horizontal overflow of the page in CSS pixels: more than zero means the user must scroll sideways. */
    public long horizontalOverflow() {
        return ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }

    /** The element's right edge in CSS pixels from the viewport's left. */
    public double rightEdge(String id) {
        return ((Number) js("return arguments[0].getBoundingClientRect().right;", byId(id))).doubleValue();
    }

    public long viewportWidth() {
        return ((Number) js("return window.innerWidth;")).longValue();
    }

    public void until(Function<WebDriver, Boolean> condition, String what) {
        until(condition, () -> what);
    }

    /** As {@link #until(Function, String)}, the message built at failure, so that it can say what was seen last. */
    public void until(Function<WebDriver, Boolean> condition, java.util.function.Supplier<String> what) {
        try {
            new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what.get(), e);
        }
    }

    /** Waits until Vaadin has answered every request the page sent. */
    public void idle() {
        until(d -> Boolean.TRUE.equals(js(VAADIN_IDLE)), "the Vaadin client to be idle");
    }

    public Path screenshot(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        return target;
    }

    /** The native field inside a Vaadin text field or text area. */
    private WebElement input(String id) {
        return waitVisible(id).findElement(By.cssSelector("input, textarea"));
    }

    /** Runs a script in the page (for checks the element ids cannot express, e.g. the map's markers). */
    public Object script(String script, Object... args) {
        return js(script, args);
    }

    /**
     * A JUnit extension that saves a screenshot of the failed step under {@code target/screenshots}, named after
     * the test class and method; {@code browser} is asked at failure time (it may not be started yet).
     */
    public static org.junit.jupiter.api.extension.TestWatcher screenshotOnFailure(String testClass,
            java.util.function.Supplier<Browser> browser) {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                Browser b = browser.get();
                if (b == null) {
                    return;
                }
                try {
                    Path shot = b.screenshot(Paths.get("target", "screenshots"),
                            testClass + "-" + context.getDisplayName());
                    System.err.println("Screenshot of the failed step: " + shot.toAbsolutePath() + " at "
                            + b.driver().getCurrentUrl());
                } catch (Exception e) {
                    System.err.println("No screenshot: " + e);
                }
            }
        };
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a profile left in /tmp is harmless
            }
        }
    }
}
