package org.coffeecontrol.tickets.internal.mail;

import java.util.Properties;

import org.coffeecontrol.api.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

/**
 * Reads the unseen mails of one IMAP folder and hands each to a {@link Handler}; a mail is flagged seen only after
 * the handler stored it, so a crash or a database error leaves it for the next poll (the handler drops the
 * duplicate by Message-ID if the flag was lost after storing).
 */
public final class ImapPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    /** The mailbox, from ConfigAdmin pid {@code org.coffeecontrol.tickets.mail}. */
    public record Settings(String host, int port, boolean ssl, String user, String password, String folder,
            int timeoutMillis) {
    }

    @FunctionalInterface
    public interface Handler {
        /** Stores the mail (as a ticket, a reply or a triage item); throws when it could not. */
        void handle(IncomingMail mail);
    }

    /** What one poll did. */
    public record Result(int read, int stored, int failed) {
    }

    private final Settings settings;

    public ImapPoller(Settings settings) {
        if (settings.host() == null || settings.host().isBlank()) {
            throw new ValidationException("host", "is required to read the ticket mailbox");
        }
        if (settings.port() <= 0 || settings.port() > 65535) {
            throw new ValidationException("port", "must be 1..65535");
        }
        this.settings = settings;
    }

    public Result poll(Handler handler) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ImapPoller.class.getClassLoader());
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail." + protocol + ".timeout", String.valueOf(settings.timeoutMillis()));
        int read = 0;
        int stored = 0;
        int failed = 0;
        try (Store store = Session.getInstance(p).getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.user(), settings.password());
            String name = settings.folder() == null || settings.folder().isBlank() ? "INBOX" : settings.folder();
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                throw new IllegalStateException("IMAP folder '" + name + "' does not exist");
            }
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message m : unseen) {
                    read++;
                    try {
                        handler.handle(MailParser.parse(m));
                        m.setFlag(Flags.Flag.SEEN, true);
                        stored++;
                    } catch (RuntimeException | MessagingException e) {
                        failed++;
                        // Left unseen: the next poll tries again.
                        LOG.warn("Mail {} of {} not imported: {}", m.getMessageNumber(), name, e.getMessage(), e);
                        m.setFlag(Flags.Flag.SEEN, false);
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("IMAP " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new Result(read, stored, failed);
    }
}
