package org.coffeecontrol.monitoring.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coffeecontrol.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

class SmtpMailerTest {

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

    static SmtpMailer.Settings settings(int port, String user, String password) {
        return new SmtpMailer.Settings("127.0.0.1", port, "monitoring@coffee.test", user, password, false, false,
                5000);
    }

    @Test
    void sendsPlainTextOverRealSmtp() throws Exception {
        new SmtpMailer(settings(smtp.getSmtp().getPort(), "", "")).send("op@example.test",
                "[Coffee Control] Problem: S100 at Alpha Station", "E7 Brewer jammed, since 2026-03-02 09:00 — ёж");
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("[Coffee Control] Problem: S100 at Alpha Station", m.getSubject());
        assertEquals("op@example.test", m.getAllRecipients()[0].toString());
        assertEquals("monitoring@coffee.test", m.getFrom()[0].toString());
        assertEquals("E7 Brewer jammed, since 2026-03-02 09:00 — ёж", ((String) m.getContent()).strip());
    }

    @Test
    void authenticatesWhenAUserIsConfigured() throws Exception {
        smtp.setUser("monitoring", "secret");
        new SmtpMailer(settings(smtp.getSmtp().getPort(), "monitoring", "secret")).send("a@example.test", "s", "b");
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SmtpMailer(settings(smtp.getSmtp().getPort(), "monitoring", "wrong")).send("a@example.test",
                        "s", "b"));
        assertTrue(refused.getMessage().startsWith("SMTP 127.0.0.1:"), refused.getMessage());
    }

    @Test
    void anUnreachableServerIsAFailureValueNotAHang() {
        SmtpMailer mailer = new SmtpMailer(new SmtpMailer.Settings("127.0.0.1", 1, "m@coffee.test", "", "", false,
                false, 2000));
        assertThrows(IllegalStateException.class, () -> mailer.send("a@example.test", "s", "b"));
    }

    @Test
    void badSettingsNameTheField() {
        assertEquals("host", assertThrows(ValidationException.class,
                () -> new SmtpMailer(new SmtpMailer.Settings(" ", 25, "m@x.test", "", "", false, false, 1000))).field());
        assertEquals("from", assertThrows(ValidationException.class,
                () -> new SmtpMailer(new SmtpMailer.Settings("h", 25, "not an address", "", "", false, false, 1000)))
                .field());
    }
}
