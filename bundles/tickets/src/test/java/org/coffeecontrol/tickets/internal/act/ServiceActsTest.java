package org.coffeecontrol.tickets.internal.act;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.core.internal.mail.SmtpMailService;
import org.coffeecontrol.tickets.api.ActConsumable;
import org.coffeecontrol.tickets.api.ActDelivery;
import org.coffeecontrol.tickets.api.LineKind;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.ServiceActData;
import org.coffeecontrol.tickets.api.ServiceActUpdate;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketUpdate;
import org.coffeecontrol.tickets.internal.SourcesFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

class ServiceActsTest {

    private GreenMail smtp;
    private SourcesFixture f;
    private ServiceActsImpl acts;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        f = new SourcesFixture();
        acts = new ServiceActsImpl(f.db, f.tickets, f.catalog, ZoneId.of("Europe/Moscow"), Clock.systemUTC());
        acts.smtp = new SmtpMailService(new SmtpMailService.Settings("127.0.0.1", smtp.getSmtp().getPort(),
                "service@coffee.test", "", "", false, false, 5000));
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    /** A ticket at POS 10 executed by misha, with a part, a work, times and the POS side's signature. */
    private Ticket worked() {
        Ticket t = f.tickets.create(f.operator(), NewTicket.manual(10L, 100L, "Ошибка E7: заварочный блок"));
        t = f.tickets.assign(f.serviceAdmin(), t.id(), t.version(), "misha", null);
        TicketUpdate u = TicketUpdate.of(t);
        t = f.tickets.update(f.serviceAdmin(), t.id(), new TicketUpdate(u.category(), u.equipmentId(),
                u.rentedEquipment(), u.applicant(), u.applicantPhone(), u.reason(), u.plannedEnd(),
                Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:30:00Z"), "Блок заменён",
                u.callRecording(), u.version()));
        t = f.tickets.saveLines(f.mechanic(), t.id(), t.version(), List.of(
                new TicketLine(null, LineKind.PART, "WMF-33.2", "Заварочный блок", BigDecimal.ONE, "BB-1", true),
                new TicketLine(null, LineKind.WORK, "W-010", "Замена блока", new BigDecimal("1.5"), null, false)));
        return f.tickets.sign(f.mechanic(), t.id(), t.version(), ActPdfTest.pngUnchecked(), "Смирнова А.");
    }

    private static ServiceActUpdate update(long version) {
        return new ServiceActUpdate(List.of(new ActConsumable("Таблетки для чистки", new BigDecimal("2"), "шт"),
                new ActConsumable("Средство от накипи", new BigDecimal("0.50"), "л")),
                "Ожидание запчасти: 1 ч 30 мин", "Иванов Пётр", ActPdfTest.pngUnchecked(), "Смирнова Анна", version);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theExecutorFillsTheActAndThePdfShowsTicketLinesAndAct() throws Exception {
        Ticket t = worked();
        assertEquals(0, acts.act(f.mechanic(), t.id()).version());
        ServiceActData saved = acts.save(f.mechanic(), t.id(), update(0));
        assertEquals(1, saved.version());
        assertTrue(saved.engineerSigned());
        assertEquals(new BigDecimal("0.5"), saved.consumables().get(1).quantity());
        assertEquals(List.of("Service act saved: 2 consumable(s), downtime justified, signed by the engineer, signed "
                + "for the POS by Смирнова Анна"), f.tickets.history(Caller.system(), t.id()).stream()
                        .filter(h -> "NOTE".equals(h.action())).map(h -> h.detail()).toList());

        String text = text(acts.pdf(f.operator(), t.id()));
        for (String expected : List.of("АКТ ВЫПОЛНЕННЫХ РАБОТ № " + t.number(), "Shell Tverskaya", "Tverskaya 1",
                "WMF 1500S+", "WMF-100", "Client 1", "Заварочный блок", "BB-1", "Замена блока", "1.5",
                "Таблетки для чистки", "Средство от накипи", "0.5", "Ожидание запчасти: 1 ч 30 мин", "Иванов Пётр",
                "Смирнова Анна", "02.03.2026 12:00", "02.03.2026 13:30")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
        }
    }

    @Test
    void sendingMailsThePdfToThePosAddressAndNotesTheTicket() throws Exception {
        Ticket t = worked();
        acts.save(f.mechanic(), t.id(), update(0));
        ActDelivery d = acts.send(f.mechanic(), t.id());
        assertEquals("p10@example.com", d.to());
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("p10@example.com", m.getAllRecipients()[0].toString());
        assertTrue(m.getSubject().contains(t.number()), m.getSubject());
        Multipart mp = (Multipart) m.getContent();
        assertEquals("act-" + t.number() + ".pdf", mp.getBodyPart(1).getFileName());
        byte[] pdf = mp.getBodyPart(1).getInputStream().readAllBytes();
        assertTrue(text(pdf).contains("Таблетки для чистки"));
        assertTrue(GreenMailUtil.getBody(mp.getBodyPart(0)).length() > 0);
        assertEquals("p10@example.com", acts.act(f.operator(), t.id()).sentTo());
        assertTrue(f.tickets.history(Caller.system(), t.id()).stream()
                .anyMatch(h -> "NOTE".equals(h.action()) && h.detail().contains("p10@example.com")));
    }

    @Test
    void badInputAndForeignCallersGetClearErrorsAndChangeNothing() throws Exception {
        Ticket t = worked();
        acts.save(f.mechanic(), t.id(), update(0));
        ConflictException stale = assertThrows(ConflictException.class,
                () -> acts.save(f.operator(), t.id(), update(0)));
        assertTrue(stale.getMessage().contains("changed meanwhile"), stale.getMessage());
        ValidationException qty = assertThrows(ValidationException.class, () -> acts.save(f.mechanic(), t.id(),
                new ServiceActUpdate(List.of(new ActConsumable("x", BigDecimal.ZERO, null)), null, null, null, null,
                        1)));
        assertEquals("consumables[0].quantity", qty.field());
        assertEquals("engineerSignaturePng", assertThrows(ValidationException.class, () -> acts.save(f.mechanic(),
                t.id(), new ServiceActUpdate(List.of(), null, null, new byte[] { 1, 2, 3 }, null, 1))).field());
        assertThrows(AccessDeniedException.class, () -> acts.save(f.manager(), t.id(), update(1)));
        assertThrows(AccessDeniedException.class, () -> acts.send(f.operator(), t.id()));
        Caller clientTwo = new Caller("c2", java.util.Set.of(org.coffeecontrol.api.security.Role.CLIENT), false,
                java.util.Set.of(2L));
        assertThrows(NotFoundException.class, () -> acts.pdf(clientTwo, t.id()));
        assertEquals(1, acts.act(f.operator(), t.id()).version(), "nothing changed");

        Ticket noMail = f.tickets.create(f.operator(), NewTicket.manual(30L, null, "x"));
        assertEquals("email", assertThrows(ValidationException.class,
                () -> acts.send(f.serviceAdmin(), noMail.id())).field());
        acts.smtp = null;
        assertEquals("smtp", assertThrows(ValidationException.class, () -> acts.send(f.mechanic(), t.id())).field());
        acts.smtp = new SmtpMailService(new SmtpMailService.Settings("127.0.0.1", 1, "a@b.test", "", "", false,
                false, 2000));
        ConflictException down = assertThrows(ConflictException.class, () -> acts.send(f.mechanic(), t.id()));
        assertTrue(down.getMessage().startsWith("service act not sent: SMTP 127.0.0.1:1"), down.getMessage());
        assertEquals(null, acts.act(f.operator(), t.id()).sentTo());
    }
}
