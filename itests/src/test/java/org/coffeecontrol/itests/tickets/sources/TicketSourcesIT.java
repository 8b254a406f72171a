package org.coffeecontrol.itests.tickets.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.simulator.model.ErrorCode;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Ticket sources and outputs on the real distribution: a mail sent to the ticket mailbox (GreenMail IMAP in this
 * JVM) becomes a ticket at the POS it names, one that names no POS waits in triage; a critical error injected into a simulated machine opens a
 * pre-ticket; that ticket's service act, saved over REST, arrives as PDF by e-mail at the POS's address. The
 * mail settings are dropped into etc/ of the running Karaf and removed afterwards.
 */
class TicketSourcesIT {

    private static final long SEED = 66_066;
    private static final String MAILBOX = "tickets@coffee.test";
    private static final List<Path> CONFIGS = new ArrayList<>();

    static Distribution dist;
    static Rest admin;
    static GreenMail mail;
    static TestFleet fleet;
    static MachineSpec machine;
    static long posId;
    static String posEmail;

    @BeforeAll
    static void boot() throws Exception {
        dist = Distribution.shared();
        admin = dist.admin();
        mail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.start();
        mail.setUser(MAILBOX, "tickets", "mailbox-secret");
        fleet = TestFleet.register(dist.restBase(), SEED, 2, 1);
        machine = fleet.machines().get(0);
        JsonNode pos = admin.get("/api/pos?q=" + machine.posCode() + "&limit=5").expect(200).json().path("items")
                .get(0);
        posId = pos.path("id").asLong();
        posEmail = "pos-" + posId + "@shop.test";
        ((ObjectNode) pos).put("email", posEmail);
        admin.put("/api/pos/" + posId, pos).expect(200);

        config("org.coffeecontrol.mail.cfg", Map.of("host", "127.0.0.1", "port", mail.getSmtp().getPort(),
                "from", "coffee@coffee.test"));
        config("org.coffeecontrol.tickets.mail.cfg", Map.of("host", "127.0.0.1", "port", mail.getImap().getPort(),
                "user", "tickets", "password", "mailbox-secret", "intervalSeconds", 5));
        config("org.coffeecontrol.tickets.pretickets.cfg", Map.of("criticalCodes", "*", "sweepSeconds", 5));
    }

    private static void config(String file, Map<String, Object> values) throws Exception {
        CONFIGS.add(dist.writeConfig(file, values));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (Path p : CONFIGS) {
            Files.deleteIfExists(p);
        }
        if (mail != null) {
            mail.stop();
        }
    }

    private static <T> T await(String what, Duration limit, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s");
            }
            Thread.sleep(1000);
        }
    }

    /** The newest inbox item from {@code sender} in {@code status}, or null. */
    private static JsonNode inboxItem(String sender, String status) {
        for (JsonNode i : admin.get("/api/tickets/inbox?limit=20").json().path("items")) {
            if (sender.equals(i.path("sender").asText()) && status.equals(i.path("status").asText())) {
                return i;
            }
        }
        return null;
    }

    /** The journal entry of a ticket opened from {@code source} at the POS, or null. */
    private static JsonNode journalTicket(String opened) {
        return journalTicket(opened, "");
    }

    /** Other test classes' fleets share the POS codes of the shared distribution: the problem text must match. */
    private static JsonNode journalTicket(String opened, String problemContains) {
        for (JsonNode e : admin.get("/api/monitoring/journal?posId=" + posId + "&limit=100").expect(200).json()
                .path("items")) {
            if (e.path("result").asText().contains(opened) && !e.path("ticketNumber").asText().isEmpty()
                    && e.path("problem").asText().contains(problemContains)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void mailBecomesTicketCriticalErrorOpensPreTicketAndTheActArrivesByMail() throws Exception {
        // 1. an e-mail naming the POS by its code becomes a ticket there
        GreenMailUtil.sendTextEmail(MAILBOX, "manager@shop.test", "Кофемашина не работает (" + machine.posCode()
                + ")", "Добрый день! На точке " + machine.posCode() + " машина не наливает кофе.",
                mail.getSmtp().getServerSetup());
        // and one that names no POS at all (bad input): kept for triage, neither lost nor guessed into a ticket
        String stranger = "stranger-" + System.currentTimeMillis() + "@elsewhere.test";
        GreenMailUtil.sendTextEmail(MAILBOX, stranger, "Помогите", "Не работает.", mail.getSmtp().getServerSetup());
        JsonNode item = await("the mail's ticket", Duration.ofSeconds(90), () -> inboxItem("manager@shop.test",
                "TICKET"));
        assertEquals(posId, item.path("posId").asLong());
        String mailTicket = item.path("ticketNumber").asText();
        assertTrue(mailTicket.matches("T\\d{6}"), mailTicket);
        JsonNode mailEntry = await("the mail ticket's journal entry", Duration.ofSeconds(30),
                () -> journalTicket("opened (EMAIL)"));
        assertEquals(mailTicket, mailEntry.path("ticketNumber").asText());
        assertEquals("EMAIL", mailEntry.path("source").asText());

        JsonNode triage = await("the mail without a POS in triage", Duration.ofSeconds(60),
                () -> inboxItem(stranger, "TRIAGE"));
        assertTrue(triage.path("ticketId").asLong(0) == 0 && triage.path("posId").asLong(0) == 0, triage.toString());
        assertTrue(triage.path("note").asText().contains("POS"), triage.toString());

        // 2. a critical error injected into the simulated machine opens a pre-ticket in the operator's queue
        EventGenerator g = fleet.generator(machine, Instant.now().minus(Duration.ofMinutes(3)));
        ErrorCode critical = g.profile().errors().stream().filter(ErrorCode::critical).findFirst().orElseThrow();
        g.injectError(critical.code());
        List<MachineEvent> events = g.advanceTo(Instant.now());
        assertTrue(events.stream().anyMatch(e -> e instanceof MachineEvent.ErrorRaised r
                && r.code().equals(critical.code())), "the generator raised the injected error");
        fleet.upload(machine, events);
        JsonNode pre = await("the pre-ticket", Duration.ofSeconds(120), () -> journalTicket("opened (PRE_TICKET)", "Critical error " + critical.code() + " "));
        String preTicket = pre.path("ticketNumber").asText();
        assertTrue(pre.path("problem").asText().startsWith("Critical error " + critical.code()),
                pre.path("problem").asText());
        long ticketId = Long.parseLong(preTicket.substring(1));

        // 3. its service act, filled in over REST, arrives as PDF at the POS's address
        admin.put("/api/tickets/acts/" + ticketId, Map.of("consumables", List.of(Map.of("name",
                "Таблетки для чистки", "quantity", 2, "unit", "шт")), "downtimeJustification",
                "Ожидание запчасти", "engineerName", "Иванов Пётр", "customerName", "Смирнова Анна", "version", 0))
                .expect(200);
        JsonNode delivery = admin.post("/api/tickets/acts/" + ticketId + "/send", null).expect(200).json();
        assertEquals(posEmail, delivery.path("to").asText());
        MimeMessage act = await("the act mail", Duration.ofSeconds(30), () -> {
            for (MimeMessage m : mail.getReceivedMessages()) {
                try {
                    if (m.getAllRecipients()[0].toString().equals(posEmail)) {
                        return m;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        });
        assertTrue(act.getSubject().contains(preTicket), act.getSubject());
        byte[] pdf = ((Multipart) act.getContent()).getBodyPart(1).getInputStream().readAllBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("АКТ ВЫПОЛНЕННЫХ РАБОТ № " + preTicket), text);
            assertTrue(text.contains("Таблетки для чистки") && text.contains("Ожидание запчасти"), text);
            assertTrue(text.contains(machine.serial()), text);
        }

        // bad input keeps its clear 4xx: a foreign or unknown id, a stale act version
        admin.get("/api/tickets/acts/999999").expect(404);
        assertEquals(409, admin.put("/api/tickets/acts/" + ticketId, Map.of("consumables", List.of(), "version", 0))
                .status());
    }
}
