package org.coffeecontrol.tickets.api;

/** Where a ticket came from (TKT-2). An external number is unique within one source. */
public enum TicketSource {
    /** Typed in by a user (phone call, walk-in). */
    MANUAL,
    /** Opened automatically from a critical problem detected by monitoring. */
    PRE_TICKET,
    /** Parsed from a mail in the ticket mailbox. */
    EMAIL,
    /** Imported from the Intraservice helpdesk. */
    INTRASERVICE,
    /** Received over the EKDS e-mail route. */
    EKDS,
    /** An operator's finding: connectivity, recipe drift, coffee overuse. */
    FINDING,
    /** A planned audit visit (TKT-5). */
    AUDIT
}
