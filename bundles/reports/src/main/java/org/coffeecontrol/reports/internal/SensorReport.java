package org.coffeecontrol.reports.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * REP-8: sensor readings (temperatures, consumable levels, add-on sensors such as EasyWC) per group: minimum,
 * maximum, average, number of readings, and the days with a reading outside the sensor's accepted range. Ranges
 * come from the configuration and can be overridden per run with options {@code threshold.<sensor>=min..max};
 * because the rollups keep each day's minimum and maximum, a changed range applies to past days exactly.
 */
final class SensorReport implements Report {

    static final String ID = "sensors";

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.sensors.title", "Sensors",
                "REP-8: sensor readings min/max/avg per period and threshold violations", PeriodKind.RANGE,
                Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT, FilterKind.SENSOR),
                List.of(Grouping.EQUIPMENT, Grouping.SENSOR, Grouping.PERIOD, Grouping.LOCATION, Grouping.CLIENT,
                        Grouping.REGION),
                List.of(Grouping.EQUIPMENT, Grouping.SENSOR), Set.of(Periodicity.values()), false,
                List.of(Column.fixed("min", "Minimum", ColumnType.DECIMAL),
                        Column.fixed("max", "Maximum", ColumnType.DECIMAL),
                        Column.fixed("avg", "Average", ColumnType.DECIMAL),
                        Column.fixed("readings", "Readings", ColumnType.INTEGER),
                        Column.fixed("violationDays", "Days out of range", ColumnType.INTEGER)),
                Map.of("threshold.<sensor>", "accepted range of a sensor, e.g. threshold.boiler_temp=85..100"), null);
    }

    @Override
    public ReportResult run(Run run) {
        Map<String, Settings.Threshold> thresholds = new LinkedHashMap<>(run.settings().thresholds());
        run.request().options().forEach((k, v) -> {
            if (k.startsWith("threshold.")) {
                thresholds.put(k.substring("threshold.".length()), Settings.Threshold.parse("options." + k, v));
            }
        });
        Periodicity p = run.request().periodicity();
        Grouped g = new Grouped(run.request().groupings(), p, run.from(), run.to(), false);
        // min, max, sum, readings, days out of range
        Tabulator<double[]> t = new Tabulator<>(g.levels().size(),
                () -> new double[] { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0 }, (a, b) -> {
                    a[0] = Math.min(a[0], b[0]);
                    a[1] = Math.max(a[1], b[1]);
                    a[2] += b[2];
                    a[3] += b[3];
                    a[4] += b[4];
                });
        Set<String> sensors = run.request().filter().sensors();
        run.progress().update(0.1, "reading sensor rollups");
        Db.query(run.ds(), c -> {
            List<Object> args = new ArrayList<>(List.of(run.from(), run.to()));
            String filter = sensors.isEmpty() ? "" : " AND sensor IN (" + Db.marks(sensors.size()) + ")";
            String sql = "SELECT read_day, equipment_id, sensor, min_value, max_value, sum_value, readings "
                    + "FROM cc_rep_sensor_day WHERE read_day >= ? AND read_day <= ? AND "
                    + run.scope().where("equipment_id", args) + filter;
            args.addAll(sensors);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Db.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long eq = rs.getLong(2);
                        if (!run.scope().contains(eq)) {
                            continue;
                        }
                        LocalDate day = rs.getDate(1).toLocalDate();
                        String sensor = rs.getString(3);
                        double min = rs.getDouble(4);
                        double max = rs.getDouble(5);
                        Settings.Threshold th = thresholds.get(sensor);
                        double violated = th != null && th.violatedBy(min, max) ? 1 : 0;
                        LocalDate bucket = Periods.bucket(day, p, run.from());
                        t.add(g.keys(run.scope().machine(eq), sensor, bucket), null,
                                new double[] { min, max, rs.getDouble(6), rs.getLong(7), violated });
                    }
                }
            }
            return null;
        });
        List<Column> columns = new ArrayList<>(g.keyColumns());
        columns.addAll(definition().columns());
        List<String> notes = new ArrayList<>();
        notes.add("Accepted ranges: " + thresholds);
        if (!g.levels().contains(Grouping.SENSOR) && sensors.size() != 1) {
            notes.add("Several sensors are summarised together: group by sensor for meaningful figures");
        }
        return Results.of(definition(), run, columns, g.rows(t.lines(), SensorReport::cells, a -> null), notes);
    }

    static List<Object> cells(double[] a) {
        if (a[3] == 0) {
            return Arrays.asList(null, null, null, 0L, (long) a[4]);
        }
        return Arrays.asList(a[0], a[1], Math.round(a[2] / a[3] * 100) / 100.0, (long) a[3], (long) a[4]);
    }
}
