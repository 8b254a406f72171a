package org.coffeecontrol.reports.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.FilterKind;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;

/** REP-2: drinks of a period against a compared period, per group: both counts, difference and change in %. */
final class ComparisonReport implements Report {

    static final String ID = "drinks-comparison";

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.drinks-comparison.title", "Drinks comparison",
                "REP-2: drinks of a period compared with another period (difference and %)", PeriodKind.TWO_RANGES,
                Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT, FilterKind.PRODUCT),
                List.of(Grouping.LOCATION, Grouping.EQUIPMENT, Grouping.PRODUCT, Grouping.CLIENT, Grouping.REGION),
                List.of(Grouping.PRODUCT), Set.of(Periodicity.WHOLE), false,
                List.of(Column.fixed("drinks", "Drinks", ColumnType.INTEGER),
                        Column.fixed("compareDrinks", "Drinks (compared period)", ColumnType.INTEGER),
                        Column.fixed("difference", "Difference", ColumnType.INTEGER),
                        Column.fixed("change", "Change %", ColumnType.PERCENT)),
                null, null);
    }

    @Override
    public ReportResult run(Run run) {
        Grouped g = new Grouped(run.request().groupings(), Periodicity.WHOLE, run.from(), run.to(), false);
        Tabulator<long[]> t = new Tabulator<>(g.levels().size(), () -> new long[2], (a, b) -> {
            a[0] += b[0];
            a[1] += b[1];
        });
        Set<String> products = run.request().filter().products();
        run.progress().update(0.1, "reading the period");
        DrinkFacts.read(run, run.from(), run.to(), Periodicity.WHOLE, products, (day, eq, product, n) -> t
                .add(g.keys(run.scope().machine(eq), product, null), null, new long[] { n, 0 }));
        run.progress().update(0.5, "reading the compared period");
        DrinkFacts.read(run, run.request().compareFrom(), run.request().compareTo(), Periodicity.WHOLE, products,
                (day, eq, product, n) -> t.add(g.keys(run.scope().machine(eq), product, null), null,
                        new long[] { 0, n }));
        List<Column> columns = new ArrayList<>(g.keyColumns());
        List<Column> measures = new ArrayList<>(definition().columns());
        measures.set(0, Column.fixed("drinks", "Drinks " + run.from() + ".." + run.to(), ColumnType.INTEGER));
        measures.set(1, Column.fixed("compareDrinks", "Drinks " + run.request().compareFrom() + ".."
                + run.request().compareTo(), ColumnType.INTEGER));
        columns.addAll(measures);
        return Results.of(definition(), run, columns, g.rows(t.lines(), ComparisonReport::cells, a -> null), null);
    }

    /** Period, compared period, difference and the change relative to the compared period (null from zero). */
    static List<Object> cells(long[] a) {
        Double change = a[1] == 0 ? null : Math.round((a[0] - a[1]) * 1000.0 / a[1]) / 10.0;
        return Arrays.asList(a[0], a[1], a[0] - a[1], change);
    }
}
