package org.coffeecontrol.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
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

/** REP-1: drinks sold, grouped by any ordered combination of levels, optionally one column per period. */
final class DrinksReport implements Report {

    static final String ID = "drinks";

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.drinks.title", "Drinks sold",
                "REP-1: drinks made per location, equipment, product and period, with group totals",
                PeriodKind.RANGE, Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT,
                        FilterKind.PRODUCT),
                List.of(Grouping.LOCATION, Grouping.EQUIPMENT, Grouping.PRODUCT, Grouping.PERIOD, Grouping.CLIENT,
                        Grouping.REGION),
                List.of(Grouping.PRODUCT), Set.of(Periodicity.values()), true,
                List.of(Column.fixed("drinks", "Drinks", ColumnType.INTEGER)), null, null);
    }

    @Override
    public ReportResult run(Run run) {
        Grouped g = new Grouped(run.request().groupings(), run.request().periodicity(), run.from(), run.to(),
                run.request().horizontal());
        Tabulator<long[]> t = new Tabulator<>(g.levels().size(), () -> new long[1], (a, b) -> a[0] += b[0]);
        run.progress().update(0.1, "reading rollups");
        Periodicity p = run.request().periodicity();
        DrinkFacts.read(run, run.from(), run.to(), p, run.request().filter().products(), (day, eq, product, n) -> {
            LocalDate bucket = Periods.bucket(day, p, run.from());
            t.add(g.keys(run.scope().machine(eq), product, bucket), g.column(bucket), new long[] { n });
        });
        run.progress().update(0.8, "laying out");
        List<Column> columns = new ArrayList<>(g.keyColumns());
        columns.addAll(g.horizontal() ? g.bucketColumns(ColumnType.INTEGER) : definition().columns());
        Grouped.Layout layout = g.rows(t.lines(), a -> List.of(a[0]), a -> a == null ? null : (Object) a[0]);
        return Results.of(definition(), run, columns, layout, null);
    }
}
