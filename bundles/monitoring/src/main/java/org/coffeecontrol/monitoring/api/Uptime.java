package org.coffeecontrol.monitoring.api;

import java.time.LocalDate;

/**
 * Uptime over the days {@code from}..{@code to} (inclusive): the share of opening minutes (summed over the machines
 * of the scope) during which a machine was online and without an open critical problem. Minutes still in the
 * future are not counted.
 *
 * @param percent null when the scope had no opening minutes in the period
 */
public record Uptime(Scope scope, LocalDate from, LocalDate to, int machines, long openMinutes, long downMinutes,
        Double percent) {
}
