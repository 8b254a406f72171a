package org.coffeecontrol.tickets.internal.mail;

import java.time.Instant;
import java.util.List;

/**
 * One mail read from the ticket mailbox, reduced to what ticket import needs.
 *
 * @param messageId  the Message-ID header, or a synthetic one built from sender, date and subject when missing
 *                   (it is the key that keeps a mail from being imported twice)
 * @param references In-Reply-To first, then References, newest last
 */
public record IncomingMail(String messageId, List<String> references, String from, String fromName,
        String subject, String body, Instant sentAt, List<Attachment> attachments) {

    public IncomingMail {
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public record Attachment(String fileName, String contentType, byte[] bytes) {
    }
}
