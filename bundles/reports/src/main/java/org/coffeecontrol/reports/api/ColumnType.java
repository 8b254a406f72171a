package org.coffeecontrol.reports.api;

/**
 * How a column's cells are typed: TEXT cells are {@link String}, INTEGER {@link Long}, DECIMAL and PERCENT
 * {@link Double} (PERCENT in 0..100), DATE {@link java.time.LocalDate}, DATETIME {@link java.time.Instant}, MINUTES
 * a {@link Long} duration, STATE a {@link String} key of the result's legend. Any cell may be null.
 */
public enum ColumnType {
    TEXT, INTEGER, DECIMAL, PERCENT, DATE, DATETIME, MINUTES, STATE
}
