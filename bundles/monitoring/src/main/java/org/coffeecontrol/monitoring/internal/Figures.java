package org.coffeecontrol.monitoring.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.monitoring.api.DrinksSold;
import org.coffeecontrol.monitoring.api.Scope;
import org.coffeecontrol.monitoring.api.Uptime;

/**
 * Uptime and drinks for a set of machines. Uptime is computed from the detected problems (few) against opening
 * hours (per POS, not per minute), drinks from the per-day rollup: neither scans the event table, so both stay
 * cheap for the whole fleet.
 */
final class Figures {

    /** A year is the longest period asked for in one go. */
    static final int MAX_DAYS = 366;

    private Figures() {
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new ValidationException("from", "is required");
        }
        if (to == null) {
            throw new ValidationException("to", "is required");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("to", "is before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ValidationException("to", "the period may span at most " + MAX_DAYS + " days");
        }
    }

    static Uptime uptime(Connection c, Fleet fleet, ZoneId zone, Scope scope, Collection<Fleet.Machine> machines,
            LocalDate from, LocalDate to, Instant now) throws SQLException {
        // Each POS counts its own local days from..to; zones differ from the platform's by less than a day, so the
        // problems of one day more on each side cover every POS.
        Instant start = from.minusDays(1).atStartOfDay(zone).toInstant();
        Instant end = earlier(to.plusDays(2).atStartOfDay(zone).toInstant(), now);
        Map<Long, List<OpeningCalendar.Span>> downs = end.isAfter(start)
                ? downSpans(c, machines, start, end) : Map.of();
        Map<Long, List<OpeningCalendar.Span>> openByPos = new HashMap<>();
        long open = 0;
        long down = 0;
        int counted = 0;
        for (Fleet.Machine m : machines) {
            Fleet.Pos pos = fleet.pos(m.posId());
            if (pos == null) {
                continue;
            }
            counted++;
            ZoneId posZone = pos.zone(zone);
            List<OpeningCalendar.Span> spans = openByPos.computeIfAbsent(pos.id(), id -> OpeningCalendar.until(
                    OpeningCalendar.openSpans(pos.hours(), posZone, from, to),
                    earlier(to.plusDays(1).atStartOfDay(posZone).toInstant(), now)));
            open += spans.stream().mapToLong(OpeningCalendar.Span::seconds).sum();
            List<OpeningCalendar.Span> d = downs.get(m.id());
            if (d != null) {
                down += OpeningCalendar.overlapSeconds(spans, OpeningCalendar.union(d));
            }
        }
        Double percent = open == 0 ? null : Math.round(10000.0 * (open - down) / open) / 100.0;
        return new Uptime(scope, from, to, counted, open / 60, down / 60, percent);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Problem spans per machine, cut to the period; open ones last until {@code end}. */
    private static Map<Long, List<OpeningCalendar.Span>> downSpans(Connection c, Collection<Fleet.Machine> machines,
            Instant start, Instant end) throws SQLException {
        Set<Long> ids = machines.stream().map(Fleet.Machine::id).collect(Collectors.toSet());
        Map<Long, List<OpeningCalendar.Span>> out = new HashMap<>();
        String sql = "SELECT equipment_id, start_time, end_time FROM cc_mon_problem WHERE start_time < ? "
                + "AND (end_time IS NULL OR end_time > ?)" + (ids.size() == 1 ? " AND equipment_id = ?" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Sql.ts(end));
            ps.setTimestamp(2, Sql.ts(start));
            if (ids.size() == 1) {
                ps.setLong(3, ids.iterator().next());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!ids.contains(id)) {
                        continue;
                    }
                    Instant from = Sql.instant(rs, "start_time");
                    Instant to = Sql.instant(rs, "end_time");
                    from = from.isBefore(start) ? start : from;
                    to = to == null || to.isAfter(end) ? end : to;
                    if (to.isAfter(from)) {
                        out.computeIfAbsent(id, k -> new ArrayList<>()).add(new OpeningCalendar.Span(from, to));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Drinks of the period from the rollup.
     *
     * @param column   equipment_id, pos_id or client_id; null for the fleet
     * @param clients  for the fleet of a caller who sees only some clients: those; null when unrestricted
     */
    static DrinksSold drinks(Connection c, Scope scope, String column, Set<Long> clients, LocalDate from,
            LocalDate to) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT product, SUM(drinks) FROM cc_mon_drink_day WHERE sale_day >= ? "
                + "AND sale_day <= ?");
        List<Long> args = new ArrayList<>();
        if (column != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(scope.id());
        } else if (clients != null) {
            if (clients.isEmpty()) {
                return new DrinksSold(scope, from, to, List.of(), 0);
            }
            sql.append(" AND client_id IN (").append(String.join(",", clients.stream().map(x -> "?").toList()))
                    .append(')');
            args.addAll(clients);
        }
        sql.append(" GROUP BY product");
        List<DrinksSold.ProductCount> products = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setDate(1, java.sql.Date.valueOf(from));
            ps.setDate(2, java.sql.Date.valueOf(to));
            for (int i = 0; i < args.size(); i++) {
                ps.setLong(3 + i, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    products.add(new DrinksSold.ProductCount(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        products.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
                : a.product().compareTo(b.product()));
        long total = products.stream().mapToLong(DrinksSold.ProductCount::count).sum();
        return new DrinksSold(scope, from, to, products, total);
    }
}
