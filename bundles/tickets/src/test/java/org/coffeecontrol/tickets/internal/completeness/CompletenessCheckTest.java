package org.coffeecontrol.tickets.internal.completeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.core.internal.mail.SmtpMailService;
import org.coffeecontrol.tickets.api.CompletenessFinding;
import org.coffeecontrol.tickets.api.CompletenessRun;
import org.coffeecontrol.tickets.api.LineKind;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.api.TicketUpdate;
import org.coffeecontrol.tickets.internal.SourcesFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

class CompletenessCheckTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };

    private GreenMail smtp;
    private SourcesFixture f;
    private CompletenessCheckImpl check;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        f = new SourcesFixture();
        check = new CompletenessCheckImpl(f.db, f.tickets, f.users(), 7, Clock.systemUTC());
        check.smtp = new SmtpMailService(new SmtpMailService.Settings("127.0.0.1", smtp.getSmtp().getPort(),
                "service@coffee.test", "", "", false, false, 5000));
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    /** A field visit by misha, worked to DONE; {@code complete} adds the file the check asks for. */
    private Ticket fieldVisit(boolean complete, boolean emptyLine) {
        Ticket t = f.tickets.create(f.operator(), NewTicket.manual(10L, 100L, "Нет пара"));
        t = f.tickets.escalate(f.operator(), t.id(), t.version(), "выезд");
        t = f.tickets.assign(f.serviceAdmin(), t.id(), t.version(), "misha", null);
        t = f.tickets.transition(f.mechanic(), t.id(), t.version(), TicketState.IN_PROGRESS, null);
        TicketUpdate u = TicketUpdate.of(t);
        t = f.tickets.update(f.mechanic(), t.id(), new TicketUpdate(u.category(), u.equipmentId(),
                u.rentedEquipment(), u.applicant(), u.applicantPhone(), u.reason(), u.plannedEnd(),
                Instant.now().minusSeconds(3600), Instant.now(), "Клапан заменён", u.callRecording(), u.version()));
        t = f.tickets.saveLines(f.mechanic(), t.id(), t.version(), List.of(new TicketLine(null, LineKind.PART,
                "V-1", emptyLine ? "" : "Клапан пара", BigDecimal.ONE, null, false)));
        t = f.tickets.sign(f.mechanic(), t.id(), t.version(), PNG, "Анна");
        if (complete) {
            f.tickets.attach(f.mechanic(), t.id(), "photo.jpg", "image/jpeg", new byte[] { 1, 2 });
            t = f.tickets.get(Caller.system(), t.id());
        }
        return f.tickets.transition(f.mechanic(), t.id(), t.version(), TicketState.DONE, null);
    }

    @Test
    void aClosedTicketWithoutAttachmentIsFlaggedAndSentBackOnce() throws Exception {
        Ticket done = fieldVisit(false, false);
        Ticket incomplete = f.tickets.transition(f.serviceAdmin(), done.id(), done.version(), TicketState.CLOSED,
                null);
        Ticket complete = fieldVisit(true, false);
        Ticket emptyLine = fieldVisit(true, true);

        CompletenessRun run = check.run(f.serviceAdmin());
        assertEquals(3, run.checked());
        assertEquals(2, run.flagged());
        assertEquals(2, run.sentBack());
        List<CompletenessFinding> findings = check.findings(f.manager(), 0);
        assertEquals(2, findings.size());
        CompletenessFinding closed = findings.stream().filter(x -> x.ticketId() == incomplete.id()).findFirst()
                .orElseThrow();
        final long closedId = incomplete.id();
        assertEquals(List.of("attached files"), closed.missing());
        assertEquals(TicketState.CLOSED, closed.state());
        assertEquals("misha@example.test", closed.sentTo());
        assertEquals(TicketState.CLOSED, f.tickets.get(Caller.system(), closedId).state(), "closed stays closed");
        assertTrue(f.tickets.history(Caller.system(), closedId).stream().anyMatch(h -> "NOTE".equals(h.action())
                && h.detail().contains("lacks attached files")));

        CompletenessFinding line = findings.stream().filter(x -> x.ticketId() == emptyLine.id()).findFirst()
                .orElseThrow();
        assertEquals(List.of("line 1: description"), line.missing());
        assertEquals(TicketState.IN_PROGRESS, f.tickets.get(Caller.system(), emptyLine.id()).state(),
                "a done ticket goes back to work");
        assertEquals(TicketState.DONE, f.tickets.get(Caller.system(), complete.id()).state());

        assertTrue(smtp.waitForIncomingEmail(5000, 2));
        var mail = smtp.getReceivedMessages()[0];
        assertEquals("misha@example.test", mail.getAllRecipients()[0].toString());
        assertTrue(((String) mail.getContent()).contains("- "), "the list of what is missing");

        CompletenessRun second = check.run(f.serviceAdmin());
        assertEquals(1, second.flagged(), "the closed one still lacks its file; the other is in progress again");
        assertEquals(0, second.sentBack(), "the same list is not sent twice");
        assertFalse(check.findings(f.serviceAdmin(), second.id()).get(0).sentBack());
        assertEquals(2, check.runs(f.manager(), 10).size());
        assertEquals(2, smtp.getReceivedMessages().length);
    }

    @Test
    void rolesAndVisibility() throws Exception {
        Ticket t = fieldVisit(false, false);
        check.run(f.serviceAdmin());
        assertThrows(AccessDeniedException.class, () -> check.run(f.operator()));
        assertThrows(AccessDeniedException.class, () -> check.findings(f.mechanic(), 0));
        Caller managerOfClient2 = new Caller("m2", java.util.Set.of(org.coffeecontrol.api.security.Role.MANAGER),
                false, java.util.Set.of(2L));
        assertEquals(0, check.findings(managerOfClient2, 0).size(), "client 1's ticket " + t.number());
        assertThrows(NotFoundException.class, () -> check.findings(f.manager(), 999));
    }
}
