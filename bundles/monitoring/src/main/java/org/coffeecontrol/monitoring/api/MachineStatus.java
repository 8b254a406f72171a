package org.coffeecontrol.monitoring.api;

/**
 * What the overview colours a machine (and, by its worst machine, a point of sale) with. Declared from best to
 * worst so that {@link #worse} can compare by order.
 */
public enum MachineStatus {
    /** Silent outside its POS's opening hours: expected, not down. */
    CLOSED,
    /** Reporting and without an open critical problem. */
    OK,
    /** Reporting, but with an open critical-error problem. */
    PROBLEM,
    /** Silent longer than its monitoring package allows during opening hours. */
    NOT_ONLINE;

    public static MachineStatus worse(MachineStatus a, MachineStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
