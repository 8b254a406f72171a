package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.FilterKind;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;

/**
 * REP-5: when machines did not work during their shop's opening hours, and why: a critical error (its code) or not
 * online (a heartbeat gap longer than the outage threshold, or a silence still going on). One row per downtime,
 * then per machine a subtotal with the downtime (overlapping causes counted once), the opening time and the
 * availability; the totals row does the same for all. Time still to come does not count.
 */
final class DowntimeReport implements Report {

    static final String ID = "downtime";
    static final String NOT_ONLINE = "NOT_ONLINE";

    private record Down(String cause, String text, Opening.Span span) {
    }

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.downtime.title", "Downtime",
                "REP-5: periods equipment did not work during opening hours, with cause, and availability %",
                PeriodKind.RANGE, Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT),
                List.of(), List.of(), Set.of(Periodicity.WHOLE), false,
                List.of(Column.fixed("location", "Point of sale", ColumnType.TEXT),
                        Column.fixed("equipment", "Equipment", ColumnType.TEXT),
                        Column.fixed("cause", "Cause", ColumnType.TEXT),
                        Column.fixed("text", "Description", ColumnType.TEXT),
                        Column.fixed("start", "From", ColumnType.DATETIME),
                        Column.fixed("end", "To", ColumnType.DATETIME),
                        Column.fixed("downMinutes", "Downtime in opening hours (min)", ColumnType.MINUTES),
                        Column.fixed("openMinutes", "Opening time (min)", ColumnType.MINUTES),
                        Column.fixed("availability", "Availability %", ColumnType.PERCENT)),
                null, null);
    }

    @Override
    public ReportResult run(Run run) {
        Instant start = run.from().atStartOfDay(run.zone()).toInstant();
        Instant now = run.clock().instant();
        Instant periodEnd = run.to().plusDays(1).atStartOfDay(run.zone()).toInstant();
        Instant end = periodEnd.isAfter(now) ? now : periodEnd;
        Map<Long, List<Down>> downs = new HashMap<>();
        run.progress().update(0.1, "reading errors and outages");
        Db.query(run.ds(), c -> {
            List<Object> args = new ArrayList<>(List.of(end, start));
            try (PreparedStatement ps = c.prepareStatement("SELECT equipment_id, code, text, start_time, end_time "
                    + "FROM cc_rep_error WHERE severity = 'CRITICAL' AND start_time < ? AND "
                    + "(end_time IS NULL OR end_time > ?) AND " + run.scope().where("equipment_id", args))) {
                Db.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant to = Db.instant(rs, 5);
                        add(downs, rs.getLong(1), rs.getString(2), rs.getString(3), Db.instant(rs, 4),
                                to == null ? end : to, start, end);
                    }
                }
            }
            List<Object> oargs = new ArrayList<>(List.of(end, start));
            try (PreparedStatement ps = c.prepareStatement("SELECT equipment_id, start_time, end_time FROM cc_rep_outage "
                    + "WHERE start_time < ? AND end_time > ? AND " + run.scope().where("equipment_id", oargs))) {
                Db.bind(ps, oargs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(downs, rs.getLong(1), NOT_ONLINE, "no heartbeat", Db.instant(rs, 2), Db.instant(rs, 3),
                                start, end);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT equipment_id, last_beat FROM cc_rep_machine WHERE last_beat IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant last = Db.instant(rs, 2);
                    if (run.scope().contains(rs.getLong(1)) && last.plus(run.settings().outageAfter()).isBefore(end)) {
                        add(downs, rs.getLong(1), NOT_ONLINE, "silent since the last heartbeat", last, end, start, end);
                    }
                }
            }
            return null;
        });
        run.progress().update(0.6, "matching opening hours");
        List<ReportRow> rows = new ArrayList<>();
        long allDown = 0;
        long allOpen = 0;
        for (Machine m : run.scope().machines()) {
            List<Opening.Span> windows = Opening.windows(Opening.hours(m.pos()), run.from(), run.to(), run.zone(), end);
            List<Down> list = new ArrayList<>(downs.getOrDefault(m.id(), List.of()));
            list.sort((a, b) -> a.span().start().compareTo(b.span().start()));
            List<Opening.Span> spans = new ArrayList<>();
            for (Down d : list) {
                long minutes = Opening.minutesWithin(d.span(), windows);
                if (minutes > 0) {
                    spans.add(d.span());
                    rows.add(new ReportRow(ReportRow.Kind.DETAIL, 1, Arrays.asList(m.posName(), m.serial(), d.cause(),
                            d.text(), d.span().start(), d.span().end().equals(end) && end.equals(now) ? null
                                    : d.span().end(), minutes, null, null)));
                }
            }
            long down = Opening.union(spans).stream().mapToLong(s -> Opening.minutesWithin(s, windows)).sum();
            long open = Opening.minutes(windows);
            allDown += down;
            allOpen += open;
            rows.add(new ReportRow(ReportRow.Kind.SUBTOTAL, 0, Arrays.asList(m.posName(), m.serial(), null, null, null,
                    null, down, open, availability(down, open))));
        }
        List<Object> totals = Arrays.asList("Total", null, null, null, null, null, allDown, allOpen,
                availability(allDown, allOpen));
        return new ReportResult(ID, definition().title(), run.request(), definition().columns(), rows, totals, null,
                List.of("Causes: critical errors and NOT_ONLINE (no heartbeat for more than "
                        + run.settings().outageAfter().toMinutes() + " min); overlapping causes count once"),
                run.zone().getId(), run.clock().instant());
    }

    private static void add(Map<Long, List<Down>> downs, long eq, String cause, String text, Instant from, Instant to,
            Instant start, Instant end) {
        Opening.Span s = new Opening.Span(from, to).clip(start, end);
        if (s != null) {
            downs.computeIfAbsent(eq, k -> new ArrayList<>()).add(new Down(cause, text, s));
        }
    }

    static Double availability(long down, long open) {
        return open == 0 ? null : Math.round((open - Math.min(down, open)) * 1000.0 / open) / 10.0;
    }
}
