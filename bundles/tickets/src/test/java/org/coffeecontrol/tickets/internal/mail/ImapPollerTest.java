package org.coffeecontrol.tickets.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.coffeecontrol.api.mail.MailMessage;
import org.coffeecontrol.core.internal.mail.SmtpMailService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

class ImapPollerTest {

    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.start();
        mail.setUser("tickets@coffee.test", "tickets", "secret");
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private ImapPoller poller(String password) {
        return new ImapPoller(new ImapPoller.Settings("127.0.0.1", mail.getImap().getPort(), false, "tickets",
                password, "INBOX", 5000));
    }

    private SmtpMailService outbox() {
        return new SmtpMailService(new SmtpMailService.Settings("127.0.0.1", mail.getSmtp().getPort(),
                "pos17@example.test", "", "", false, false, 5000));
    }

    @Test
    void readsUnseenMailsOnceWithThreadingHeadersAndAttachments() throws Exception {
        String id = outbox().send(MailMessage.of("tickets@coffee.test", "Не работает кофемашина MSK-017",
                "Добрый день!\nМашина выдаёт ошибку E7.").attach("фото.jpg", "image/jpeg", new byte[] { 1, 2, 3 })
                .header("In-Reply-To", "<abc@coffee-control>"));
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        List<IncomingMail> got = new ArrayList<>();
        ImapPoller.Result first = poller("secret").poll(got::add);
        assertEquals(new ImapPoller.Result(1, 1, 0), first);
        IncomingMail m = got.get(0);
        assertEquals(id, m.messageId());
        assertEquals("pos17@example.test", m.from());
        assertEquals("Не работает кофемашина MSK-017", m.subject());
        assertEquals("Добрый день!\nМашина выдаёт ошибку E7.", m.body().replace("\r\n", "\n"));
        assertEquals(List.of("<abc@coffee-control>"), m.references());
        assertEquals(1, m.attachments().size());
        assertEquals("фото.jpg", m.attachments().get(0).fileName());
        assertEquals("image/jpeg", m.attachments().get(0).contentType());
        assertEquals(3, m.attachments().get(0).bytes().length);
        assertEquals(new ImapPoller.Result(0, 0, 0), poller("secret").poll(got::add), "seen mails are not re-read");
    }

    @Test
    void aMailTheHandlerCouldNotStoreIsReadAgainNextTime() throws Exception {
        outbox().send(MailMessage.of("tickets@coffee.test", "x", "y"));
        assertTrue(mail.waitForIncomingEmail(5000, 1));
        ImapPoller.Result failed = poller("secret").poll(m -> {
            throw new IllegalStateException("database down");
        });
        assertEquals(new ImapPoller.Result(1, 0, 1), failed);
        List<IncomingMail> got = new ArrayList<>();
        assertEquals(1, poller("secret").poll(got::add).stored());
        assertEquals("x", got.get(0).subject());
    }

    @Test
    void htmlOnlyAndHeaderlessMailsStillParse() throws Exception {
        MimeMessage raw = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(("From: someone@example.test\r\nSubject: hi\r\n"
                        + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Кофе&nbsp;<b>не</b> льётся</p>"
                        + "<script>x()</script>").getBytes(StandardCharsets.UTF_8)));
        IncomingMail m = MailParser.parse(raw);
        assertEquals("Кофе не льётся", m.body().replaceAll("\\s+", " ").strip());
        assertTrue(m.messageId().endsWith("@synthetic.coffee-control>"), m.messageId());
        assertEquals(m.messageId(), MailParser.parse(raw).messageId(), "stable, so a re-read is a duplicate");
    }

    @Test
    void wrongPasswordOrFolderIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> poller("wrong").poll(m -> { }));
        assertTrue(e.getMessage().startsWith("IMAP 127.0.0.1:"), e.getMessage());
        IllegalStateException folder = assertThrows(IllegalStateException.class, () -> new ImapPoller(
                new ImapPoller.Settings("127.0.0.1", mail.getImap().getPort(), false, "tickets", "secret", "Nope",
                        5000)).poll(m -> { }));
        assertTrue(folder.getMessage().contains("'Nope' does not exist"), folder.getMessage());
    }
}
