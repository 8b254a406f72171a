package org.coffeecontrol.tickets.api;

import java.time.Instant;

/**
 * A mail read from the ticket mailbox (TKT-2) and what became of it. Every mail is kept, whether it opened a
 * ticket, was threaded into one, or waits in triage.
 *
 * @param source     EMAIL, or EKDS for mails of the EKDS route
 * @param note       why it is in triage (e.g. "no POS code, name or address found"), or how the POS was found
 * @param clientId   the client of the recognised or assigned POS, null while unknown
 * @param ticketId   the ticket it opened or was threaded into
 */
public record InboxItem(long id, TicketSource source, String messageId, Instant receivedAt, String sender,
        String subject, String body, int attachmentCount, InboxStatus status, String note, Long clientId,
        Long posId, Long ticketId, String ticketNumber, String handledBy, Instant handledAt) {
}
