package org.coffeecontrol.monitoring.internal.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.monitoring.internal.MailSender;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Plain-text mail over SMTP with the embedded Angus Mail; exists only while {@code org.coffeecontrol.mail} does. */
@Component(service = MailSender.class, configurationPid = MailConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MailConfig.class)
public class SmtpMailer implements MailSender {

    /** The settings of {@link MailConfig} as a value, so tests need no annotation instance. */
    public record Settings(String host, int port, String from, String username, String password, boolean startTls,
            boolean ssl, int timeoutMillis) {
    }

    private final Settings settings;
    private final InternetAddress from;

    @Activate
    public SmtpMailer(MailConfig c) {
        this(new Settings(c.host(), c.port(), c.from(), c.username(), c.password(), c.startTls(), c.ssl(),
                c.timeoutMillis()));
    }

    public SmtpMailer(Settings settings) {
        if (settings.host() == null || settings.host().isBlank()) {
            throw new ValidationException("host", "is required to send e-mail");
        }
        if (settings.port() <= 0 || settings.port() > 65535) {
            throw new ValidationException("port", "must be 1..65535");
        }
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new ValidationException("from", "'" + settings.from() + "' is not an e-mail address");
        }
    }

    @Override
    public void send(String to, String subject, String body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail looks its providers up through the context class loader: point it at the embedded ones.
        thread.setContextClassLoader(SmtpMailer.class.getClassLoader());
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP " + settings.host() + ":" + settings.port() + ": " + e.getMessage(),
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Session session() {
        String protocol = settings.ssl() ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", settings.host());
        p.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail." + protocol + ".timeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(settings.timeoutMillis()));
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        boolean auth = settings.username() != null && !settings.username().isBlank();
        p.put("mail." + protocol + ".auth", String.valueOf(auth));
        Authenticator authenticator = !auth ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        };
        return Session.getInstance(p, authenticator);
    }
}
