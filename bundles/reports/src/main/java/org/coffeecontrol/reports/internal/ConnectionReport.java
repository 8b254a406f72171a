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
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;

/**
 * REP-3: heartbeats received against those expected (one per configured interval from the machine's first
 * heartbeat, or the period start, up to the period end or now), and outages — gaps between heartbeats longer
 * than the configured threshold, plus a silence still going on — with their count and total length.
 */
final class ConnectionReport implements Report {

    static final String ID = "connection";

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.connection.title", "Connection quality",
                "REP-3: share of expected heartbeats received, outages per machine", PeriodKind.RANGE,
                Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT),
                List.of(Grouping.LOCATION, Grouping.EQUIPMENT, Grouping.CLIENT, Grouping.REGION),
                List.of(Grouping.LOCATION, Grouping.EQUIPMENT), Set.of(Periodicity.WHOLE), false,
                List.of(Column.fixed("heartbeats", "Heartbeats received", ColumnType.INTEGER),
                        Column.fixed("expected", "Heartbeats expected", ColumnType.INTEGER),
                        Column.fixed("share", "Received %", ColumnType.PERCENT),
                        Column.fixed("outages", "Outages", ColumnType.INTEGER),
                        Column.fixed("outageMinutes", "Outage minutes", ColumnType.MINUTES)),
                null, null);
    }

    @Override
    public ReportResult run(Run run) {
        Instant start = run.from().atStartOfDay(run.zone()).toInstant();
        Instant now = run.clock().instant();
        Instant end = min(run.to().plusDays(1).atStartOfDay(run.zone()).toInstant(), now);
        Map<Long, long[]> perMachine = new HashMap<>();
        run.progress().update(0.1, "reading heartbeats");
        Map<Long, Instant[]> beats = new HashMap<>();
        Db.query(run.ds(), c -> {
            List<Object> args = new ArrayList<>(List.of(run.from(), run.to()));
            String sql = "SELECT equipment_id, SUM(beats) FROM cc_rep_beat_day WHERE beat_day >= ? AND beat_day <= ? AND "
                    + run.scope().where("equipment_id", args) + " GROUP BY equipment_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Db.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        perMachine.computeIfAbsent(rs.getLong(1), k -> new long[4])[0] = rs.getLong(2);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT equipment_id, first_beat, last_beat FROM cc_rep_machine WHERE first_beat IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    beats.put(rs.getLong(1), new Instant[] { Db.instant(rs, 2), Db.instant(rs, 3) });
                }
            }
            run.progress().update(0.4, "reading outages");
            List<Object> oargs = new ArrayList<>(List.of(start, end));
            String osql = "SELECT equipment_id, start_time, end_time FROM cc_rep_outage WHERE end_time > ? AND start_time < ? AND "
                    + run.scope().where("equipment_id", oargs);
            try (PreparedStatement ps = c.prepareStatement(osql)) {
                Db.bind(ps, oargs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Opening.Span s = new Opening.Span(Db.instant(rs, 2), Db.instant(rs, 3)).clip(start, end);
                        if (s != null) {
                            long[] a = perMachine.computeIfAbsent(rs.getLong(1), k -> new long[4]);
                            a[2]++;
                            a[3] += s.minutes();
                        }
                    }
                }
            }
            return null;
        });
        Grouped g = new Grouped(run.request().groupings(), Periodicity.WHOLE, run.from(), run.to(), false);
        Tabulator<long[]> t = new Tabulator<>(g.levels().size(), () -> new long[4], (a, b) -> {
            for (int i = 0; i < 4; i++) {
                a[i] += b[i];
            }
        });
        long interval = run.settings().heartbeat().getSeconds();
        for (Machine m : run.scope().machines()) {
            long[] a = perMachine.getOrDefault(m.id(), new long[4]);
            Instant[] fl = beats.get(m.id());
            if (fl != null) {
                Instant from = fl[0].isAfter(start) ? fl[0] : start;
                if (end.isAfter(from)) {
                    a[1] = (end.getEpochSecond() - from.getEpochSecond()) / interval;
                }
                // a silence that is still going on counts as an outage up to the end of the period
                Instant last = fl[1];
                if (last.plus(run.settings().outageAfter()).isBefore(end) && last.isBefore(end)) {
                    Opening.Span s = new Opening.Span(last, end).clip(start, end);
                    if (s != null) {
                        a[2]++;
                        a[3] += s.minutes();
                    }
                }
            }
            t.add(g.keys(m, null, null), null, a);
        }
        List<Column> columns = new ArrayList<>(g.keyColumns());
        columns.addAll(definition().columns());
        return Results.of(definition(), run, columns, g.rows(t.lines(), ConnectionReport::cells, a -> null),
                List.of("Expected: one heartbeat every " + interval + " s; an outage is a gap longer than "
                        + run.settings().outageAfter().toMinutes() + " min"));
    }

    static List<Object> cells(long[] a) {
        Double share = a[1] == 0 ? null : Math.min(100.0, Math.round(a[0] * 1000.0 / a[1]) / 10.0);
        return Arrays.asList(a[0], a[1], share, a[2], a[3]);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
