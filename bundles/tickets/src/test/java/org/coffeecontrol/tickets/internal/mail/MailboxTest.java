package org.coffeecontrol.tickets.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.mail.MailMessage;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.core.internal.mail.SmtpMailService;
import org.coffeecontrol.tickets.api.InboxItem;
import org.coffeecontrol.tickets.api.InboxStatus;
import org.coffeecontrol.tickets.api.MailPollResult;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.internal.SourcesFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The mailbox end to end: real IMAP/SMTP (GreenMail), the real ticket service on Derby. */
class MailboxTest {

    private GreenMail mail;
    private SourcesFixture f;
    private MailImporter importer;
    private MailboxPoller poller;
    private TicketInboxImpl inbox;

    @BeforeEach
    void start() throws Exception {
        mail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.start();
        mail.setUser("tickets@coffee.test", "tickets", "secret");
        f = new SourcesFixture();
        importer = new MailImporter(new InboxStore(f.db.jdbc()), f.tickets, f.catalog, Clock.systemUTC());
        poller = new MailboxPoller(new ImapPoller(new ImapPoller.Settings("127.0.0.1", mail.getImap().getPort(), false,
                "tickets", "secret", "INBOX", 5000)), importer, f.tickets, f.catalog,
                MailImporter.Ekds.of("helpdesk@ekds.test", null), "route@ekds.test", Clock.systemUTC());
        poller.smtp = outbox("coffee@coffee.test");
        inbox = new TicketInboxImpl(importer, f.tickets, f.catalog, Clock.systemUTC());
        inbox.mailbox = poller;
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private SmtpMailService outbox(String from) {
        return new SmtpMailService(new SmtpMailService.Settings("127.0.0.1", mail.getSmtp().getPort(), from, "", "",
                false, false, 5000));
    }

    private String send(String from, String subject, String body, String... headers) {
        MailMessage m = MailMessage.of("tickets@coffee.test", subject, body);
        if (subject.contains("фото")) {
            m = m.attach("screen.jpg", "image/jpeg", new byte[] { 1, 2, 3, 4 });
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            m = m.header(headers[i], headers[i + 1]);
        }
        return outbox(from).send(m);
    }

    @Test
    void aMailNamingAPosBecomesATicketAndItsReplyIsThreadedIntoIt() throws Exception {
        String first = send("anna@shell.test", "Кофемашина не работает, фото", "АЗС Shell Tverskaya: ошибка на "
                + "экране WMF-100, кофе не льётся.");
        MailPollResult r = inbox.poll(f.operator());
        assertEquals(new MailPollResult(1, 1, 0, 0, 0, 0), r);
        Ticket t = f.tickets.search(Caller.system(), org.coffeecontrol.tickets.api.TicketQuery.all()).items().get(0);
        assertEquals(TicketSource.EMAIL, t.source());
        assertEquals(10L, t.posId(), "recognised by the POS name");
        assertEquals(100L, t.equipmentId(), "the machine named by its serial");
        assertTrue(t.reason().startsWith("Кофемашина не работает, фото\n\nАЗС Shell Tverskaya"), t.reason());
        assertEquals("anna@shell.test", t.applicant());
        assertEquals(1, f.tickets.attachments(Caller.system(), t.id()).size(), "the photo came along");

        send("anna@shell.test", "Re: Кофемашина не работает", "Ещё и молоко течёт", "In-Reply-To", first);
        send("boss@shell.test", "Срочно " + t.number(), "Когда приедет мастер?");
        assertEquals(new MailPollResult(2, 0, 2, 0, 0, 0), inbox.poll(f.operator()));
        List<String> notes = f.tickets.history(Caller.system(), t.id()).stream()
                .filter(h -> h.action().equals("NOTE")).map(h -> h.detail()).toList();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("Ещё и молоко течёт"), notes.get(0));
        assertTrue(notes.get(1).contains("boss@shell.test") && notes.get(1).contains("Когда приедет мастер?"));
        assertEquals(1, f.tickets.search(Caller.system(), org.coffeecontrol.tickets.api.TicketQuery.all()).total());

        List<InboxItem> all = inbox.list(f.operator(), false, PageRequest.first(10)).items();
        assertEquals(List.of(InboxStatus.REPLY, InboxStatus.REPLY, InboxStatus.TICKET),
                all.stream().map(InboxItem::status).toList());
        assertEquals(t.number(), all.get(2).ticketNumber());
    }

    @Test
    void anUnknownPosWaitsInTriageWithItsFilesUntilAssigned() throws Exception {
        send("someone@example.test", "Сломалась кофемашина, фото", "У нас в аэропорту не работает автомат.");
        assertEquals(new MailPollResult(1, 0, 0, 1, 0, 0), inbox.poll(f.serviceAdmin()));
        assertEquals(0, f.tickets.search(Caller.system(), org.coffeecontrol.tickets.api.TicketQuery.all()).total());
        InboxItem item = inbox.list(f.operator(), true, null).items().get(0);
        assertEquals(InboxStatus.TRIAGE, item.status());
        assertEquals(1, item.attachmentCount());
        assertTrue(item.note().startsWith("no POS code, name or address"), item.note());
        assertNull(item.clientId());

        // a client-bound desk user does not see a mail of nobody's client; a client user may not read the inbox
        Caller deskOfClient1 = new Caller("desk1", java.util.Set.of(org.coffeecontrol.api.security.Role.OPERATOR),
                false, java.util.Set.of(1L));
        assertEquals(0, inbox.list(deskOfClient1, true, null).total());
        assertThrows(NotFoundException.class, () -> inbox.get(deskOfClient1, item.id()));
        assertThrows(AccessDeniedException.class, () -> inbox.list(f.clientOne(), true, null));
        assertThrows(AccessDeniedException.class, () -> inbox.assign(f.mechanic(), item.id(), 10L, null));

        Ticket t = inbox.assign(f.operator(), item.id(), 30L, null);
        assertEquals(30L, t.posId());
        assertEquals(1, f.tickets.attachments(Caller.system(), t.id()).size());
        InboxItem done = inbox.get(f.operator(), item.id());
        assertEquals(InboxStatus.TICKET, done.status());
        assertEquals(t.id(), done.ticketId());
        assertEquals("olga", done.handledBy());
        ValidationException again = assertThrows(ValidationException.class,
                () -> inbox.assign(f.operator(), item.id(), 30L, null));
        assertTrue(again.getMessage().contains("not in triage"), again.getMessage());
        assertEquals(1, f.tickets.search(Caller.system(), org.coffeecontrol.tickets.api.TicketQuery.all()).total());
    }

    @Test
    void aPolledMailIsNeverImportedTwice() throws Exception {
        send("a@example.test", "P10 broken", "x");
        inbox.poll(f.operator());
        // the same mail delivered again (e.g. the seen flag was lost): a duplicate, not a second ticket
        IncomingMail again = new IncomingMail(inbox.list(f.operator(), false, null).items().get(0).messageId(),
                List.of(), "a@example.test", null, "P10 broken", "x", null, List.of());
        assertEquals(MailImporter.Outcome.DUPLICATE, importer.importMail(again, MailImporter.Ekds.NONE));
        assertEquals(1, f.tickets.search(Caller.system(), org.coffeecontrol.tickets.api.TicketQuery.all()).total());
    }

    @Test
    void ekdsMailsCarryTheirNumberAndADuplicateNumberIsAClearTriageReason() throws Exception {
        send("helpdesk@ekds.test", "EKDS-5512: Lukoil Kazan, кофемашина", "Заявка из ЕКДС");
        assertEquals(1, inbox.poll(f.operator()).tickets());
        Ticket t = f.tickets.findByExternal(Caller.system(), TicketSource.EKDS, "5512").orElseThrow();
        assertEquals(20L, t.posId());

        // the same EKDS number again is that ticket's thread, not a new ticket
        send("helpdesk@ekds.test", "EKDS-5512 дополнение", "Клиент перезвонил");
        assertEquals(1, inbox.poll(f.operator()).replies());

        // a manual ticket took number 7001 first: the EKDS mail with it is kept in triage with the reason
        f.tickets.create(f.operator(), new NewTicket(TicketSource.EKDS, "7001", null, null, 10L, null, null, null,
                null, "typed in by phone", null));
        send("helpdesk@ekds.test", "EKDS 7001 Lukoil Kazan", "x");
        MailPollResult r = inbox.poll(f.operator());
        assertEquals(1, r.replies(), "an EKDS number already known threads into its ticket: " + r);

        // assigning a triage mail whose EKDS number is taken fails clearly and changes nothing
        long before = f.tickets.search(Caller.system(), org.coffeecontrol.tickets.api.TicketQuery.all()).total();
        send("helpdesk@ekds.test", "EKDS 7001 somewhere unknown, повтор", "y");
        IncomingMail unknown = new IncomingMail("<dup-7001@ekds.test>", List.of(), "helpdesk@ekds.test", null,
                "EKDS 7001 somewhere unknown", "y", null, List.of());
        long id = importer.store().insert(TicketSource.EKDS, unknown, java.time.Instant.now(), InboxStatus.TRIAGE,
                "no POS", null, null, null);
        org.coffeecontrol.api.ConflictException dup = assertThrows(org.coffeecontrol.api.ConflictException.class,
                () -> inbox.assign(f.operator(), id, 20L, null));
        assertTrue(dup.getMessage().contains("7001"), dup.getMessage());
        assertEquals(before, f.tickets.search(Caller.system(), org.coffeecontrol.tickets.api.TicketQuery.all())
                .total());
        assertEquals(InboxStatus.TRIAGE, inbox.get(f.operator(), id).status());
    }

    @Test
    void fieldTicketsOfEkdsRoutedPosGoToEkdsOnce() throws Exception {
        Ticket created = f.tickets.create(f.operator(), NewTicket.manual(20L, null, "Нет пара"));
        Ticket t = f.tickets.escalate(f.operator(), created.id(), created.version(), "нужен выезд");
        Ticket other = f.tickets.create(f.operator(), NewTicket.manual(10L, null, "route is Intraservice"));
        f.tickets.escalate(f.operator(), other.id(), other.version(), "выезд");
        mail.setUser("route@ekds.test", "route", "x");
        assertEquals(1, poller.sendToEkds());
        assertEquals(0, poller.sendToEkds(), "sent once");
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        jakarta.mail.internet.MimeMessage sent = null;
        for (jakarta.mail.internet.MimeMessage m : mail.getReceivedMessages()) {
            if (m.getSubject().contains(t.number())) {
                sent = m;
            }
        }
        assertEquals("route@ekds.test", sent.getAllRecipients()[0].toString());
        assertTrue(((String) sent.getContent()).contains("Нет пара"));
        // EKDS answers our mail: the reply is threaded by In-Reply-To
        send("helpdesk@ekds.test", "Re: " + sent.getSubject().replace(t.number(), "заявке"), "Принято",
                "In-Reply-To", sent.getMessageID());
        assertEquals(1, inbox.poll(f.operator()).replies());
    }

    @Test
    void pollingWithoutAMailboxIsAClearError() {
        inbox.mailbox = null;
        ValidationException e = assertThrows(ValidationException.class, () -> inbox.poll(f.operator()));
        assertEquals("mailbox", e.field());
    }
}
