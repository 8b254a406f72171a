package org.coffeecontrol.tickets.internal.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import org.coffeecontrol.api.ValidationException;

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
 * Sends mail with attachments over SMTP (the embedded Angus Mail). Its settings are those of the platform's SMTP pid
 * {@code org.coffeecontrol.mail} that monitoring uses too, so there is one SMTP server to configure.
 */
public final class Outbox {

    /** The fields of {@code org.coffeecontrol.mail}. */
    public record Settings(String host, int port, String from, String username, String password, boolean startTls,
            boolean ssl, int timeoutMillis) {
    }

    public record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    private final Settings settings;
    private final InternetAddress from;

    public Outbox(Settings settings) {
        requireServer(settings.host(), settings.port(), "send e-mail");
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new ValidationException("from", "'" + settings.from() + "' is not an e-mail address");
        }
    }

    /** A mail server's host and port, checked once when the settings arrive. */
    static void requireServer(String host, int port, String purpose) {
        if (host == null || host.isBlank()) {
            throw new ValidationException("host", "is required to " + purpose);
        }
        if (port <= 0 || port > 65535) {
            throw new ValidationException("port", "must be 1..65535");
        }
    }

    /** Checks an address before anything is sent, so a bad one is a validation error of {@code field}. */
    public static InternetAddress address(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "no e-mail address");
        }
        try {
            return new InternetAddress(value.strip(), true);
        } catch (AddressException e) {
            throw new ValidationException(field, "'" + value + "' is not an e-mail address");
        }
    }

    /**
     * @param headers extra headers such as In-Reply-To, name/value pairs
     * @return the Message-ID the mail went out with
     */
    public String send(String to, String subject, String body, List<Attachment> attachments, String... headers) {
        InternetAddress recipient = address("to", to);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail finds its providers through the context class loader: point it at the embedded ones.
        thread.setContextClassLoader(Outbox.class.getClassLoader());
        try {
            String id = "<" + java.util.UUID.randomUUID() + "@coffee-control>";
            // Transport.send saves the message again, which would draw a new Message-ID: keep ours, the key that
            // threads replies back to the ticket.
            MimeMessage message = new MimeMessage(session()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, recipient);
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            for (int i = 0; i + 1 < headers.length; i += 2) {
                message.setHeader(headers[i], headers[i + 1]);
            }
            if (attachments == null || attachments.isEmpty()) {
                message.setText(body, StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart multipart = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body, StandardCharsets.UTF_8.name());
                multipart.addBodyPart(text);
                for (Attachment a : attachments) {
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
