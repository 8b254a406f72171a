package org.coffeecontrol.tickets.api;

import java.time.Instant;

/** A file attached to a ticket; the content is read with {@link TicketService#attachmentContent}. */
public record Attachment(long id, long ticketId, String fileName, String contentType, long size, String uploadedBy,
        Instant uploadedAt) {
}
