package org.coffeecontrol.reports.api;

/** What kind of period a report takes. */
public enum PeriodKind {
    /** Days {@code from}..{@code to}, both included. */
    RANGE,
    /** Two ranges: {@code from}..{@code to} against {@code compareFrom}..{@code compareTo} (REP-2). */
    TWO_RANGES,
    /** One day: the state as of the end of {@code to} (REP-6). */
    AS_OF
}
