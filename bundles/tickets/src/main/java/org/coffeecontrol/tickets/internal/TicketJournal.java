package org.coffeecontrol.tickets.internal;

import org.coffeecontrol.tickets.api.Ticket;

/**
 * Where ticket actions are reported beyond the ticket's own history (TKT-8: the monitoring event journal). Kept
 * behind this interface so that the ticket service never loads monitoring classes itself and runs without them.
 */
public interface TicketJournal {

    /** Called after the change is committed; must not throw. */
    void record(Ticket ticket, String username, String action);
}
