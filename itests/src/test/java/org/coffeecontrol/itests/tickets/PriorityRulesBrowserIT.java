package org.coffeecontrol.itests.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.ui.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * TKT-3/TKT-4 settings in a real headless Chromium: a manager creates a queue priority rule for his client through
 * the form (wrong values are refused on their field and nothing is stored), and the operator queue — over REST and
 * in the page's preview — puts that client's ticket first with the rule's points; he edits and deletes the rule and
 * the queue follows. An operator reads the rules without a way to change them, a manager reads the mechanics' cards,
 * and a service administrator edits one. Everything runs on this class's own client, POS, users and ticket: the queue
 * is shared with every other test class.
 */
class PriorityRulesBrowserIT {

    static Distribution dist;
    static TicketFixture f;
    static Browser browser;

    @RegisterExtension
    final TestWatcher screenshots = Browser.screenshotOnFailure("PriorityRulesBrowserIT", () -> browser);

    @BeforeAll
    static void setUp() throws Exception {
        Browser.assumeUsable();
        dist = Distribution.shared();
        f = new TicketFixture(dist, "p" + (System.currentTimeMillis() % 100000));
        browser = Browser.start(dist.uiBase());
    }

    @AfterAll
    static void tearDown() {
        try {
            // a failed run must not leave its rule reordering everybody's queue
            if (f != null) {
                for (JsonNode r : f.admin.get("/api/tickets/priority-rules").expect(200).json()) {
                    if (r.path("name").asText().endsWith(f.suffix)) {
                        f.admin.delete("/api/tickets/priority-rules/" + r.path("id").asLong());
                    }
                }
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void managerSetsAQueuePriorityThatTheQueueFollows() {
        Rest operator = f.as(dist, "op1");
        String number = operator.post("/api/tickets", Map.of("posId", f.posId, "reason", "Grinder jammed"))
                .expect(201).json().path("number").asText();
        String rule = "Key account " + f.suffix;
        String client = "Tickets " + f.suffix;

        browser.open("/login");
        browser.login(f.user("manager"), TicketFixture.PASSWORD);
        browser.open("/tickets/priorities");
        browser.click("priority-rule-add");
        browser.waitDialogOpen("priority-rule-dialog");
        browser.type("priority-rule-name", rule);
        browser.choose("priority-rule-clientId", client, client);

        // wrong values: each is refused on its own field, the dialog keeps what was typed, nothing is stored
        browser.type("priority-rule-points", "lots");
        refused("priority-rule-points", "Must be a whole number");
        browser.type("priority-rule-points", "20000");
        refused("priority-rule-points", "between -10000 and 10000"); // the ticket service's own limit
        browser.type("priority-rule-points", "9000");
        browser.type("priority-rule-name", "");
        refused("priority-rule-name", "Required");
        assertTrue(browser.comboLabel("priority-rule-clientId").contains(client));
        assertEquals(List.of(), ruleIds(rule), "a refused rule is not stored");

        browser.type("priority-rule-name", rule);
        browser.click("priority-rule-save");
        browser.until(d -> !browser.dialogOpen("priority-rule-dialog"),
                () -> "the rule saved (" + dialogError("priority-rule-error") + ")");
        List<Long> ids = ruleIds(rule);
        assertEquals(1, ids.size(), ids.toString());
        long ruleId = ids.get(0);
        JsonNode stored = f.admin.get("/api/tickets/priority-rules").expect(200).json();
        for (JsonNode r : stored) {
            if (r.path("id").asLong() == ruleId) {
                assertEquals(f.clientId, r.path("clientId").asLong(), r.toString());
                assertEquals(9000, r.path("points").asInt(), r.toString());
            }
        }
        queueLeads(operator, number, 9000, rule);
        previewShows(number, 1, 9000);
        // the POS with the SLA level rules can match on
        assertTrue(browser.loadedGridTexts("priority-preview-grid").contains("Station " + f.suffix + " (B)"));

        browser.click("priority-rule-edit-" + ruleId);
        browser.waitDialogOpen("priority-rule-dialog");
        assertEquals(rule, browser.value("priority-rule-name"));
        browser.type("priority-rule-points", "4000");
        browser.click("priority-rule-save");
        browser.until(d -> !browser.dialogOpen("priority-rule-dialog"), "the changed rule saved");
        queueLeads(operator, number, 4000, rule);
        previewShows(number, 1, 4000);

        browser.click("priority-rule-delete-" + ruleId);
        browser.waitDialogOpen("priority-rule-confirm");
        browser.click("priority-rule-confirm-yes");
        browser.until(d -> browser.textOf("priority-rules-status").contains(rule), "the deletion confirmed");
        assertEquals(List.of(), ruleIds(rule));
        JsonNode item = queueItem(operator, number);
        assertEquals(0, item.path("priority").asInt(), item.toString());
        assertEquals(0, item.path("rules").size(), item.toString());
        scrollPreviewTo(number);
        browser.until(d -> "0".equals(browser.byId("priority-preview-" + number).getAttribute("data-priority")),
                "the preview without the rule");

        // a manager reads the mechanics' cards but only service administrators change them
        browser.open("/tickets/mechanics");
        browser.type("mechanics-filter", f.suffix);
        browser.until(d -> browser.loadedGridTexts("mechanics-grid").contains(f.user("near")), "the fixture's mechanic");
        assertFalse(browser.present("mechanic-edit-" + f.user("near")));
        browser.logout();

        // an operator sees the rules and their queue, without a way to change them; REST refuses him too
        browser.login(f.user("op1"), TicketFixture.PASSWORD);
        browser.open("/tickets/priorities");
        browser.waitVisible("priority-preview-grid");
        scrollPreviewTo(number);
        assertFalse(browser.present("priority-rule-add"));
        assertEquals(List.of(), browser.idsStartingWith("priority-rule-edit-"));
        assertEquals(403, operator.post("/api/tickets/priority-rules", Map.of("name", rule, "points", 1)).status());
        assertEquals(List.of(), ruleIds(rule));
        browser.logout();

        browser.login(f.user("sadmin"), TicketFixture.PASSWORD);
        browser.open("/tickets/mechanics");
        browser.type("mechanics-filter", f.user("near"));
        // the filter applies after a pause in typing: wait for it, or the click lands on a row about to be replaced
        browser.until(d -> {
            List<String> cells = browser.loadedGridTexts("mechanics-grid");
            return cells.contains(f.user("near")) && !cells.contains(f.user("far"));
        }, "the grid filtered to the fixture's mechanic");
        browser.click("mechanic-edit-" + f.user("near"));
        browser.waitDialogOpen("mechanic-dialog");
        assertEquals("55.75", browser.value("mechanic-homeLatitude"));
        browser.type("mechanic-workStart", "7.30");
        refusedIn("mechanic", "mechanic-workStart", "HH:MM");
        browser.type("mechanic-workStart", "07:30");
        browser.type("mechanic-workEnd", "19:00");
        browser.type("mechanic-maxOpen", "5");
        browser.click("mechanic-save");
        browser.until(d -> !browser.dialogOpen("mechanic-dialog"),
                () -> "the card saved (" + dialogError("mechanic-error") + ")");
        JsonNode card = null;
        for (JsonNode m : f.as(dist, "sadmin").get("/api/tickets/mechanics").expect(200).json()) {
            if (m.path("username").asText().equals(f.user("near"))) {
                card = m;
            }
        }
        assertTrue(card != null, "the mechanic listed");
        assertEquals("07:30", card.path("workStart").asText().substring(0, 5), card.toString());
        assertEquals("19:00", card.path("workEnd").asText().substring(0, 5), card.toString());
        assertEquals(5, card.path("maxOpen").asInt(), card.toString());
        assertEquals(55.75, card.path("homeLatitude").asDouble(), 1e-9, card.toString());
        assertEquals(7, card.path("workDays").size(), "the working days kept: " + card);
        browser.until(d -> browser.loadedGridTexts("mechanics-grid").contains("07:30–19:00"), "the grid updated");
    }

    /** What the dialog says about a refusal no field matched; it goes when the dialog closes. */
    private static String dialogError(String id) {
        try {
            return browser.present(id) ? browser.textOf(id) : "";
        } catch (org.openqa.selenium.WebDriverException e) {
            return "";
        }
    }

    /** Saves the rule form and expects the field refused with the message, the dialog still open. */
    private static void refused(String field, String message) {
        refusedIn("priority-rule", field, message);
    }

    private static void refusedIn(String prefix, String field, String message) {
        browser.click(prefix + "-save");
        browser.until(d -> browser.invalid(field) && browser.errorMessage(field).contains(message),
                () -> field + " refused with '" + message + "' (shows '" + browser.errorMessage(field) + "')");
        assertTrue(browser.dialogOpen(prefix + "-dialog"), "the dialog stays open");
    }

    /**
     * The preview holds the whole shared queue and renders only the rows in view. Without points the ticket, the
     * newest, is usually last: look there first, then page down from the top.
     */
    private static void scrollPreviewTo(String number) {
        String id = "priority-preview-" + number;
        int[] row = { -1 };
        browser.until(d -> {
            if (browser.present(id) && browser.byId(id).isDisplayed()) {
                return true;
            }
            browser.script("var g = document.getElementById('priority-preview-grid');"
                    + "g.scrollToIndex(arguments[0] < 0 ? g.size - 1 : arguments[0]);", row[0]);
            row[0] += 15;
            return false;
        }, id + " rendered in the preview");
    }

    private static List<Long> ruleIds(String name) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode r : f.admin.get("/api/tickets/priority-rules").expect(200).json()) {
            if (name.equals(r.path("name").asText())) {
                ids.add(r.path("id").asLong());
            }
        }
        return ids;
    }

    private static JsonNode queueItem(Rest as, String number) {
        for (JsonNode q : as.get("/api/tickets/queue").expect(200).json()) {
            if (number.equals(q.path("ticket").path("number").asText())) {
                return q;
            }
        }
        throw new AssertionError(number + " is not in the operator queue");
    }

    /** The ticket heads the operator's queue with exactly the rule's points. */
    private static void queueLeads(Rest as, String number, int points, String rule) {
        JsonNode first = as.get("/api/tickets/queue").expect(200).json().get(0);
        assertEquals(number, first.path("ticket").path("number").asText(), first.toString());
        assertEquals(points, first.path("priority").asInt(), first.toString());
        assertEquals(1, first.path("rules").size(), first.toString());
        assertEquals(rule, first.path("rules").get(0).asText(), first.toString());
    }

    private static void previewShows(String number, int rank, int priority) {
        String id = "priority-preview-" + number;
        browser.until(d -> browser.present(id) && String.valueOf(rank).equals(browser.byId(id).getAttribute("data-rank"))
                && String.valueOf(priority).equals(browser.byId(id).getAttribute("data-priority")),
                () -> "the preview showing " + number + " at " + rank + " with " + priority + " (shows "
                        + (browser.present(id) ? browser.byId(id).getAttribute("data-rank") + "/"
                                + browser.byId(id).getAttribute("data-priority") : "nothing") + ")");
    }
}
