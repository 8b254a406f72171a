package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.FilterKind;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;

/**
 * REP-6: every machine's service counters as of the end of a day: one column per counter key seen (the manual's
 * keys first), each cell the newest value read up to then. A column whose values are all numbers is numeric.
 */
final class CountersReport implements Report {

    static final String ID = "counters";
    static final List<String> KNOWN = List.of("mpo_ver", "pym_ver", "mainboard_version", "beverages_version",
            "machine_parameters_version", "water_boiler_seted_value", "descaling_count_seted_value",
            "descaling_count_current_value", "total_beverages");

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.counters.title", "Service counters",
                "REP-6: software versions, boiler set value, descaling and other counters per machine as of a date",
                PeriodKind.AS_OF, Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT),
                List.of(), List.of(), Set.of(Periodicity.WHOLE), false,
                List.of(Column.fixed("location", "Point of sale", ColumnType.TEXT),
                        Column.fixed("equipment", "Equipment", ColumnType.TEXT),
                        Column.fixed("readAt", "Last reading", ColumnType.DATETIME)),
                null, null);
    }

    @Override
    public ReportResult run(Run run) {
        Instant asOf = run.to().plusDays(1).atStartOfDay(run.zone()).toInstant();
        Map<Long, Map<String, String>> values = new HashMap<>();
        Map<Long, Instant> lastRead = new HashMap<>();
        Set<String> keys = new TreeSet<>(Comparator.comparing((String k) -> KNOWN.contains(k) ? KNOWN.indexOf(k) : 99)
                .thenComparing(Comparator.naturalOrder()));
        run.progress().update(0.1, "reading counters");
        Db.query(run.ds(), c -> {
            List<Object> args = new ArrayList<>(List.of(asOf));
            try (PreparedStatement ps = c.prepareStatement("SELECT equipment_id, ckey, cvalue, read_at FROM cc_rep_counter "
                    + "WHERE read_at < ? AND " + run.scope().where("equipment_id", args) + " ORDER BY read_at")) {
                Db.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long eq = rs.getLong(1);
                        if (run.scope().contains(eq)) {
                            values.computeIfAbsent(eq, k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                            keys.add(rs.getString(2));
                            lastRead.put(eq, Db.instant(rs, 4));
                        }
                    }
                }
            }
            return null;
        });
        run.progress().update(0.7, "laying out");
        List<Column> columns = new ArrayList<>(definition().columns());
        Map<String, Boolean> numeric = new HashMap<>();
        for (String k : keys) {
            boolean allNumbers = values.values().stream().map(v -> v.get(k)).allMatch(v -> v == null || number(v) != null);
            numeric.put(k, allNumbers);
            columns.add(Column.data(k, k, allNumbers ? ColumnType.DECIMAL : ColumnType.TEXT));
        }
        List<ReportRow> rows = new ArrayList<>();
        for (Machine m : run.scope().machines()) {
            Map<String, String> v = values.getOrDefault(m.id(), Map.of());
            List<Object> cells = new ArrayList<>(List.of(m.posName(), m.serial()));
            cells.add(lastRead.get(m.id()));
            for (String k : keys) {
                String s = v.get(k);
                cells.add(s == null ? null : numeric.get(k) ? number(s) : s);
            }
            rows.add(new ReportRow(ReportRow.Kind.DETAIL, 1, cells));
        }
        return new ReportResult(ID, definition().title(), run.request(), columns, rows, null, null,
                List.of("As of the end of " + run.to()), run.zone().getId(), run.clock().instant());
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
