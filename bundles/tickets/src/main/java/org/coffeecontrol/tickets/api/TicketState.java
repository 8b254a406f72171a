package org.coffeecontrol.tickets.api;

/** Life cycle of a ticket: new → assigned → in progress → done → closed; cancelled from any open state. */
public enum TicketState {
    NEW, ASSIGNED, IN_PROGRESS, DONE, CLOSED, CANCELLED;

    /** Still needs somebody's work (closed and cancelled tickets are final). */
    public boolean open() {
        return this != CLOSED && this != CANCELLED;
    }
}
