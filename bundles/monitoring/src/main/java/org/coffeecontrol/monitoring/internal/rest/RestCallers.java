package org.coffeecontrol.monitoring.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;


import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.monitoring.api.Scope;

/** Request plumbing shared by the monitoring resources: dates, scopes and paging from query text. */
final class RestCallers {

    private RestCallers() {
    }

    /** What uptime and drinks are asked for: a scope and whole days, today when not given. */
    record Figures(Scope scope, LocalDate from, LocalDate to) {
    }

    static Figures figures(java.time.ZoneId zone, String scope, Long id, String from, String to) {
        LocalDate today = LocalDate.now(zone);
        return new Figures(scope(scope, id), date("from", from, today), date("to", to, today));
    }

    /** ISO date ({@code 2026-03-02}); missing means {@code fallback}. */
    static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "'" + value + "' is not a date YYYY-MM-DD");
        }
    }

    /** {@code fleet} (no id), or {@code equipment}, {@code pos}, {@code client} with an id. */
    static Scope scope(String kind, Long id) {
        String k = kind == null || kind.isBlank() ? "FLEET" : kind.strip().toUpperCase(java.util.Locale.ROOT);
        Scope.Kind parsed;
        try {
            parsed = Scope.Kind.valueOf(k);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("scope", "'" + kind + "' is not one of fleet, client, pos, equipment");
        }
        return new Scope(parsed, id);
    }

    static PageRequest page(int offset, int limit) {
        return new PageRequest(offset, limit);
    }
}
