package org.coffeecontrol.tickets.internal.intraservice;

import java.time.LocalDateTime;

/** The fields of an Intraservice task the connector uses (see docs/tickets-sources.md for the contract). */
public record IntraserviceTask(long id, String name, String description, int statusId, Integer serviceId,
        String creator, LocalDateTime changed) {
}
