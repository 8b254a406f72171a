package org.coffeecontrol.tickets.api;

import java.math.BigDecimal;

/**
 * A line of works and parts. {@code id} is null for a line not yet stored.
 *
 * @param article  article number of the part or work
 * @param quantity positive; pieces for parts, hours or units for works
 * @param warranty replaced / done under warranty
 */
public record TicketLine(Long id, LineKind kind, String article, String description, BigDecimal quantity,
        String serialNumber, boolean warranty) {
}
