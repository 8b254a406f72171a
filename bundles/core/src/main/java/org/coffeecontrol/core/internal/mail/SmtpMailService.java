package org.coffeecontrol.core.internal.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.mail.MailMessage;
import org.coffeecontrol.api.mail.MailService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * The platform's {@link MailService}: SMTP with the embedded Angus Mail, registered only while
 * {@code org.coffeecontrol.mail} exists. Bad settings name their field when the configuration arrives.
 */
@Component(service = MailService.class, configurationPid = MailConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MailConfig.class)
public class SmtpMailService implements MailService {

    /** The settings of {@link MailConfig} as a value, so tests need no annotation instance. */
    public record Settings(String host, int port, String from, String username, String password, boolean startTls,
            boolean ssl, int timeoutMillis) {
    }

    private final Settings settings;
    private final InternetAddress from;

    @Activate
    public SmtpMailService(MailConfig c) {
        this(new Settings(c.host(), c.port(), c.from(), c.username(), c.password(), c.startTls(), c.ssl(),
                c.timeoutMillis()));
    }

    public SmtpMailService(Settings settings) {
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
    public String send(MailMessage m) {
        InternetAddress recipient = address(m.to());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: point it at the embedded ones.
        thread.setContextClassLoader(SmtpMailService.class.getClassLoader());
        try {
            String id = "<" + UUID.randomUUID() + "@coffee-control>";
            // Transport.send saves the message again, which would draw a new Message-ID: keep ours, the key that
            // threads replies back (tickets match In-Reply-To against it).
            MimeMessage message = new MimeMessage(session()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(m.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            for (Map.Entry<String, String> h : m.headers().entrySet()) {
                message.setHeader(h.getKey(), h.getValue());
            }
            if (m.attachments().isEmpty()) {
                message.setText(m.body(), StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart multipart = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(m.body(), StandardCharsets.UTF_8.name());
                multipart.addBodyPart(text);
                for (MailMessage.Attachment a : m.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
                    part.setFileName(a.fileName());
                    multipart.addBodyPart(part);
                }
                message.setContent(multipart);
            }
            Transport.send(message);
            return id;
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP " + settings.host() + ":" + settings.port() + ": " + e.getMessage(),
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static InternetAddress address(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("to", "no e-mail address");
        }
        try {
            return new InternetAddress(value.strip(), true);
        } catch (AddressException e) {
            throw new ValidationException("to", "'" + value + "' is not an e-mail address");
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
        return Session.getInstance(p, !auth ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        });
    }
}
