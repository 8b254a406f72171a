package org.coffeecontrol.tickets.api;

import java.time.Instant;

/** A service act sent by e-mail. */
public record ActDelivery(long ticketId, String to, Instant sentAt, String messageId) {
}
