package org.coffeecontrol.itests.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.ui.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * TKT-3/TKT-4/TKT-6/TKT-9 in a real headless Chromium: the operator sends a ticket from the queue to a field
 * visit, the service administrator dispatches the suggested free mechanic, and the mechanic, on a phone-sized
 * screen, starts the work, adds a part, links the call recording, has the customer sign, fills in and signs the
 * service act, finishes, downloads the act's PDF and sends it to the POS, where it arrives by e-mail (a GreenMail
 * SMTP server whose settings this class drops into etc/ and removes afterwards); the POS journal shows every step.
 */
class TicketsBrowserIT {

    static Distribution dist;
    static TicketFixture f;
    static Browser browser;
    static GreenMail mail;
    static Path mailConfig;

    @BeforeAll
    static void setUp() throws Exception {
        Browser.assumeUsable();
        dist = Distribution.shared();
        f = new TicketFixture(dist, "b" + (System.currentTimeMillis() % 100000));
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        mailConfig = dist.writeConfig("org.coffeecontrol.mail.cfg", Map.of("host", "127.0.0.1", "port",
                mail.getSmtp().getPort(), "from", "coffee@coffee.test"));
        browser = Browser.start(dist.uiBase());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (mailConfig != null) {
            Files.deleteIfExists(mailConfig);
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void operatorEscalatesAdminDispatchesMechanicCompletesOnAPhone() throws Exception {
        JsonNode t = f.as(dist, "op1").post("/api/tickets", Map.of("posId", f.posId, "equipmentId", f.equipmentId,
                "reason", "Milk system leaks", "applicant", "Shop manager")).expect(201).json();
        long id = t.path("id").asLong();
        String number = t.path("number").asText();
        try {
            browser.open("/login");
            browser.login(f.user("op1"), TicketFixture.PASSWORD);
            browser.open("/tickets/queue");
            scrollQueueTo("queue-escalate-" + number);
            browser.click("queue-escalate-" + number);
            browser.waitDialogOpen("queue-dialog");
            browser.type("queue-dialog-text", "needs a new milk pump");
            browser.click("queue-dialog-ok");
            browser.until(d -> browser.textOf("queue-status").startsWith(number + ": Field visit"),
                    "the escalation confirmed (" + browser.textOf("queue-status") + ")");
            browser.until(d -> !browser.shown("queue-escalate-" + number), "ticket leaves the operator queue");
            browser.logout();

            browser.login(f.user("sadmin"), TicketFixture.PASSWORD);
            browser.open("/tickets/dispatch");
            browser.click("dispatch-" + number);
            browser.waitDialogOpen("dispatch-dialog");
            assertTrue(browser.textOf("dispatch-route").contains("INTRASERVICE"), browser.textOf("dispatch-route"));
            assertTrue(browser.textOf("dispatch-suggested").contains(f.user("near")), browser.textOf("dispatch-suggested"));
            browser.click("dispatch-assign-" + f.user("near"));
            browser.until(d -> !browser.shown("dispatch-" + number), "ticket dispatched");
            browser.logout();

            browser.resize(Browser.PHONE);
            browser.login(f.user("near"), TicketFixture.PASSWORD);
            browser.open("/tickets/mine");
            browser.click("my-ticket-" + number);
            browser.waitVisible("ticket-move-IN_PROGRESS");
            browser.click("ticket-move-IN_PROGRESS");
            browser.waitVisible("ticket-move-DONE");
            browser.type("ticket-line-article", "PUMP-12");
            browser.type("ticket-line-description", "Milk pump");
            browser.type("ticket-line-serial", "MP-4711");
            browser.click("ticket-line-add");
            browser.until(d -> browser.gridTexts("ticket-lines").stream().anyMatch(x -> x.contains("PUMP-12")),
                    "the part in the lines");
            browser.type("ticket-recording", RECORDING);
            browser.click("ticket-save");
            browser.until(d -> RECORDING.equals(browser.script("var a = document.querySelector("
                    + "'#ticket-recording-player audio'); return a ? a.getAttribute('src') : null;")),
                    "the call recording player");

            WebElement pad = browser.waitVisible("ticket-signature-pad");
            new org.openqa.selenium.interactions.Actions(browser.driver()).scrollToElement(pad).perform();
            new Actions(browser.driver()).moveToElement(pad, -60, 0).clickAndHold().moveByOffset(30, 20)
                    .moveByOffset(30, -25).moveByOffset(40, 15).release().perform();
            browser.type("ticket-signed-by", "Shop manager Ivanova");
            browser.click("ticket-sign");
            browser.until(d -> browser.textOf("ticket-signed").equals("Signed"), "the signature stored");

            // the service act: consumables, downtime justification, both names, the engineer's own signature
            browser.type("act-consumable-name", "Cleaning tablets");
            browser.type("act-consumable-quantity", "2");
            browser.click("act-consumable-add");
            browser.until(d -> browser.gridTexts("act-consumables").stream().anyMatch(x -> x.contains("Cleaning")),
                    "the consumable in the act");
            browser.type("act-downtime", "Waited two days for the pump");
            browser.type("act-engineer-name", "Near engineer");
            browser.type("act-customer-name", "Shop manager Ivanova");
            WebElement enginePad = browser.waitVisible("act-engineer-pad");
            new Actions(browser.driver()).scrollToElement(enginePad).perform();
            new Actions(browser.driver()).moveToElement(enginePad, -50, 0).clickAndHold().moveByOffset(40, -20)
                    .moveByOffset(40, 25).release().perform();
            browser.click("act-save");
            browser.until(d -> "true".equals(browser.byId("act-state").getAttribute("data-signed")),
                    "the act saved with the engineer's signature (" + browser.textOf("act-status") + ")");

            browser.click("ticket-move-DONE");
            browser.until(d -> browser.textOf("ticket-state").startsWith("Done"), "state Done");
            assertEquals(0, browser.horizontalOverflow(), "the ticket form fits the phone's width");

            // the phone produces the act: the PDF behind the download link, then the mail to the POS
            String pdfHead = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch(document.getElementById('act-download').href).then(r => r.arrayBuffer())
                      .then(b => done(String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5))) + b.byteLength))
                      .catch(e => done('failed ' + e));
                    """);
            assertTrue(pdfHead.startsWith("%PDF-"), pdfHead);
            browser.click("act-send");
            browser.until(d -> browser.textOf("act-status").contains("pos-" + f.suffix + "@example.com"),
                    "the act sent (" + browser.textOf("act-status") + ")");
        } catch (RuntimeException | Error e) {
            System.err.println("DIAG " + browser.script("""
                    var b = document.getElementById('ticket-move-DONE');
                    var s = document.getElementById('ticket-state');
                    if (!b) { return 'no DONE button; state ' + (s ? s.textContent : '-') + '; moves '
                        + (document.getElementById('ticket-moves') || {}).innerHTML; }
                    var r = b.getBoundingClientRect(); var cs = getComputedStyle(b);
                    return 'state ' + (s ? s.textContent : '-') + '; rect ' + JSON.stringify(r) + '; display '
                        + cs.display + ' visibility ' + cs.visibility + '; at centre '
                        + ((document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) || {}).outerHTML || '')
                        .substring(0, 300);
                    """));
            System.err.println("Screenshot: " + browser.screenshot(Paths.get("target", "screenshots"),
                    "TicketsBrowserIT").toAbsolutePath() + " at " + browser.driver().getCurrentUrl());
            throw e;
        }

        JsonNode done = f.admin.get("/api/tickets/" + id).expect(200).json();
        assertEquals("DONE", done.path("state").asText());
        assertEquals(f.user("near"), done.path("executor").asText());
        assertTrue(done.path("signed").asBoolean());
        assertEquals("MP-4711", f.admin.get("/api/tickets/" + id + "/lines").expect(200).json().get(0)
                .path("serialNumber").asText());
        List<String> journal = new ArrayList<>();
        for (JsonNode e : f.admin.get("/api/monitoring/journal?posId=" + f.posId + "&limit=100").expect(200).json()
                .path("items")) {
            if (number.equals(e.path("ticketNumber").asText())) {
                journal.add(e.path("result").asText());
            }
        }
        // opened, escalated, assigned, started, part added, recording linked, signed, act saved, done, act mailed
        assertEquals(10, journal.size(), journal.toString());
        assertTrue(journal.stream().anyMatch(r -> r.contains("Service act saved: 1 consumable(s), downtime justified, "
                + "signed by the engineer, signed for the POS by Shop manager Ivanova")), journal.toString());
        assertTrue(journal.stream().anyMatch(r -> r.contains("Service act sent by e-mail to pos-" + f.suffix
                + "@example.com")), journal.toString());
        assertTrue(journal.stream().anyMatch(r -> r.contains("escalated")), journal.toString());
        assertTrue(journal.stream().anyMatch(r -> r.contains("assigned to " + f.user("near"))), journal.toString());
        assertTrue(journal.stream().anyMatch(r -> r.contains("signed by Shop manager Ivanova")), journal.toString());
        assertEquals(RECORDING, done.path("callRecording").asText());

        JsonNode act = f.admin.get("/api/tickets/acts/" + id).expect(200).json();
        assertTrue(act.path("engineerSigned").asBoolean(), act.toString());
        assertEquals("pos-" + f.suffix + "@example.com", act.path("sentTo").asText(), act.toString());
        MimeMessage sent = null;
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals("pos-" + f.suffix + "@example.com")) {
                sent = m;
            }
        }
        assertTrue(sent != null, "the act mail at the POS's address");
        assertTrue(sent.getSubject().contains(number), sent.getSubject());
        byte[] pdf = ((Multipart) sent.getContent()).getBodyPart(1).getInputStream().readAllBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(number) && text.contains("Cleaning tablets") && text.contains("PUMP-12")
                    && text.contains("Waited two days for the pump") && text.contains("Near engineer"), text);
        }
    }

    static final String RECORDING = "https://pbx.example.org/recordings/4711.wav";

    /**
     * The queue holds every ticket of the shared distribution (other test classes' too, hundreds after an audit run),
     * and the grid renders only the rows in view: scroll down a page at a time until this ticket's row is rendered.
     */
    private static void scrollQueueTo(String id) {
        int[] row = { 0 };
        browser.until(d -> {
            if (browser.present(id)) {
                return true;
            }
            row[0] += 10;
            browser.script("document.getElementById('queue-grid').scrollToIndex(arguments[0]);", row[0]);
            return false;
        }, id + " rendered in the queue grid");
    }
}
