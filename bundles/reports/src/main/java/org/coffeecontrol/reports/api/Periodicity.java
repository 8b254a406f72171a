package org.coffeecontrol.reports.api;

/** Size of the period buckets: ISO weeks (Monday first), calendar months, or the whole requested period. */
public enum Periodicity {
    DAY, WEEK, MONTH, WHOLE
}
