package org.coffeecontrol.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.mail.MailMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class SmtpMailServiceTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    static SmtpMailService.Settings settings(int port, String user, String password) {
        return new SmtpMailService.Settings("127.0.0.1", port, "coffee@coffee.test", user, password, false, false,
                5000);
    }

    @Test
    void sendsPlainTextOverRealSmtp() throws Exception {
        String id = new SmtpMailService(settings(smtp.getSmtp().getPort(), "", "")).send(MailMessage.of(
                "op@example.test", "[Coffee Control] Problem: S100 at Alpha Station",
                "E7 Brewer jammed, since 2026-03-02 09:00 — ёж"));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("[Coffee Control] Problem: S100 at Alpha Station", m.getSubject());
        assertEquals("op@example.test", m.getAllRecipients()[0].toString());
        assertEquals("coffee@coffee.test", m.getFrom()[0].toString());
        assertEquals("E7 Brewer jammed, since 2026-03-02 09:00 — ёж", ((String) m.getContent()).strip());
        assertEquals(id, m.getMessageID(), "the Message-ID answered is the one that went out");
    }

    @Test
    void attachmentsAndExtraHeadersGoOutWithTheText() throws Exception {
        byte[] pdf = { '%', 'P', 'D', 'F', 1, 2, 3 };
        new SmtpMailService(settings(smtp.getSmtp().getPort(), "", "")).send(MailMessage.of("pos@example.test",
                "Акт / act", "Во вложении акт.").attach("act-17.pdf", "application/pdf", pdf)
                .header("In-Reply-To", "<earlier@coffee-control>"));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("Акт / act", m.getSubject());
        assertEquals("<earlier@coffee-control>", m.getHeader("In-Reply-To")[0]);
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertEquals("Во вложении акт.", ((String) parts.getBodyPart(0).getContent()).strip());
        assertEquals("act-17.pdf", parts.getBodyPart(1).getFileName());
        assertArrayEquals(pdf, parts.getBodyPart(1).getInputStream().readAllBytes());
    }

    @Test
    void aBadRecipientIsAValidationErrorOfTo() {
        SmtpMailService mailer = new SmtpMailService(settings(smtp.getSmtp().getPort(), "", ""));
        assertEquals("to", assertThrows(ValidationException.class,
                () -> mailer.send(MailMessage.of("not an address", "s", "b"))).field());
        assertEquals("to", assertThrows(ValidationException.class,
                () -> mailer.send(MailMessage.of(" ", "s", "b"))).field());
    }

    @Test
    void authenticatesWhenAUserIsConfigured() throws Exception {
        smtp.setUser("monitoring", "secret");
        new SmtpMailService(settings(smtp.getSmtp().getPort(), "monitoring", "secret"))
                .send(MailMessage.of("a@example.test", "s", "b"));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SmtpMailService(settings(smtp.getSmtp().getPort(), "monitoring", "wrong"))
                        .send(MailMessage.of("a@example.test", "s", "b")));
        assertTrue(refused.getMessage().startsWith("SMTP 127.0.0.1:"), refused.getMessage());
    }

    @Test
    void anUnreachableServerIsAFailureValueNotAHang() {
        SmtpMailService mailer = new SmtpMailService(new SmtpMailService.Settings("127.0.0.1", 1, "m@coffee.test", "", "", false,
                false, 2000));
        assertThrows(IllegalStateException.class, () -> mailer.send(MailMessage.of("a@example.test", "s", "b")));
    }

    @Test
    void badSettingsNameTheField() {
        assertEquals("host", assertThrows(ValidationException.class,
                () -> new SmtpMailService(new SmtpMailService.Settings(" ", 25, "m@x.test", "", "", false, false, 1000))).field());
        assertEquals("from", assertThrows(ValidationException.class,
                () -> new SmtpMailService(new SmtpMailService.Settings("h", 25, "not an address", "", "", false, false, 1000)))
                .field());
    }
}
