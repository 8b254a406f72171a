package org.coffeecontrol.tickets.api;

import java.util.List;

/** A ticket in the operator queue with its computed priority and the names of the rules that raised it. */
public record QueueItem(Ticket ticket, int priority, List<String> rules) {
    public QueueItem {
        rules = List.copyOf(rules);
    }
}
