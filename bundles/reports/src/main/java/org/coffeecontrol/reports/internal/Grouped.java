package org.coffeecontrol.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportRow;

/**
 * The layout shared by the grouped reports (drinks, comparison, connection, sensors): one key column per grouping,
 * then the report's measure columns — or, horizontally, one column per period bucket and a total.
 */
final class Grouped {

    private final List<Grouping> levels;
    private final Periodicity periodicity;
    private final LocalDate to;
    /** Buckets as columns, or null when not horizontal. */
    private final List<LocalDate> buckets;

    Grouped(List<Grouping> levels, Periodicity periodicity, LocalDate from, LocalDate to, boolean horizontal) {
        this.levels = List.copyOf(levels);
        this.periodicity = periodicity;
        this.to = to;
        this.buckets = horizontal ? Periods.buckets(from, to, periodicity) : null;
    }

    List<Grouping> levels() {
        return levels;
    }

    boolean horizontal() {
        return buckets != null;
    }

    /** The key of one grouping for a fact of machine {@code m}, item (product/sensor) and period bucket. */
    Object key(Grouping g, Machine m, String item, LocalDate bucket) {
        return switch (g) {
            case CLIENT -> m.clientName() == null ? "-" : m.clientName();
            case REGION -> m.regionName() == null ? "-" : m.regionName();
            case LOCATION -> m.posName();
            case EQUIPMENT -> m.serial();
            case PRODUCT, SENSOR -> item;
            case PERIOD -> bucket;
        };
    }

    List<Object> keys(Machine m, String item, LocalDate bucket) {
        List<Object> out = new ArrayList<>(levels.size());
        for (Grouping g : levels) {
            out.add(key(g, m, item, bucket));
        }
        return out;
    }

    /** The column bucket of a fact: its period when horizontal, else none. */
    Object column(LocalDate bucket) {
        return buckets == null ? null : bucket;
    }

    List<Column> keyColumns() {
        List<Column> out = new ArrayList<>();
        for (Grouping g : levels) {
            out.add(switch (g) {
                case CLIENT -> Column.fixed("client", "Client", ColumnType.TEXT);
                case REGION -> Column.fixed("region", "Region", ColumnType.TEXT);
                case LOCATION -> Column.fixed("location", "Point of sale", ColumnType.TEXT);
                case EQUIPMENT -> Column.fixed("equipment", "Equipment", ColumnType.TEXT);
                case PRODUCT -> Column.fixed("product", "Product", ColumnType.TEXT);
                case SENSOR -> Column.fixed("sensor", "Sensor", ColumnType.TEXT);
                case PERIOD -> Column.fixed("period", "Period", Periods.type(periodicity));
            });
        }
        return out;
    }

    /** Horizontal columns: one per bucket, of the given type, then {@code total}. */
    List<Column> bucketColumns(ColumnType type) {
        List<Column> out = new ArrayList<>();
        for (LocalDate b : buckets) {
            String label = Periods.label(b, periodicity, to);
            out.add(Column.data(label, label, type));
        }
        out.add(Column.fixed("total", "Total", type));
        return out;
    }

    /**
     * Rows and totals from the tabulated lines. {@code measures} gives the measure cells of an accumulator;
     * horizontally, {@code perBucket} gives the one cell shown per bucket.
     */
    <A> Layout rows(List<Tabulator.Line<A>> lines, Function<A, List<Object>> measures, Function<A, Object> perBucket) {
        List<ReportRow> rows = new ArrayList<>();
        List<Object> totals = null;
        for (Tabulator.Line<A> line : lines) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                Object k = line.keys().get(i);
                cells.add(levels.get(i) == Grouping.PERIOD && k instanceof LocalDate d ? Periods.cell(d, periodicity, to) : k);
            }
            if (buckets == null) {
                cells.addAll(measures.apply(line.total()));
            } else {
                Map<Object, A> cols = line.columns();
                for (LocalDate b : buckets) {
                    A a = cols.get(b);
                    cells.add(a == null ? perBucket.apply(null) : perBucket.apply(a));
                }
                cells.add(perBucket.apply(line.total()));
            }
            if (line.level() < 0) {
                if (!levels.isEmpty() && (levels.get(0) != Grouping.PERIOD || periodicity != Periodicity.DAY)) {
                    cells.set(0, "Total");
                }
                totals = cells;
            } else {
                rows.add(new ReportRow(line.subtotal() ? ReportRow.Kind.SUBTOTAL : ReportRow.Kind.DETAIL,
                        line.subtotal() ? line.level() : levels.size(), cells));
            }
        }
        return new Layout(rows, totals);
    }

    record Layout(List<ReportRow> rows, List<Object> totals) {
    }
}
