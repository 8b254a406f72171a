package org.coffeecontrol.tickets.api;

/** A ticket line is either work done or a part used. */
public enum LineKind {
    WORK, PART
}
