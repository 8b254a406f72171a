package org.coffeecontrol.tickets.api;

/** What became of a mail (or helpdesk task) that reached the ticket inbox. */
public enum InboxStatus {
    /** Not turned into a ticket on its own (unknown or ambiguous POS, unparseable): waits for a person. */
    TRIAGE,
    /** Opened a new ticket. */
    TICKET,
    /** Threaded into an existing ticket as a note. */
    REPLY,
    /** Looked at and judged not a request (spam, out-of-office); kept, never deleted. */
    DISMISSED
}
