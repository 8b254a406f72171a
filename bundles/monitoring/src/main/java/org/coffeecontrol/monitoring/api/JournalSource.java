package org.coffeecontrol.monitoring.api;

/** Where a journal entry (MON-5) came from. */
public enum JournalSource {
    /** A pre-ticket from the helpdesk. Needs a ticket number. */
    PRE_TICKET(true),
    /** A request by e-mail. Needs a ticket number. */
    EMAIL(true),
    /** A request by phone. Needs a ticket number. */
    PHONE(true),
    /** A critical error detected by the platform. */
    CRITICAL_ERROR(false),
    /** The monitoring itself: a machine not online, back online. */
    MONITORING(false),
    /** The operator's own finding (connectivity, recipes, coffee overuse). */
    OPERATOR(false);

    private final boolean ticketRequired;

    JournalSource(boolean ticketRequired) {
        this.ticketRequired = ticketRequired;
    }

    /**
     * The manual's rule: a request that reached the monitoring centre from outside is always registered as a
     * ticket first, so its journal line must name that ticket; what the platform or the operator found needs none.
     */
    public boolean ticketRequired() {
        return ticketRequired;
    }
}
