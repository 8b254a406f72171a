package org.coffeecontrol.reports.internal;

import java.util.List;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;

/** Assembles a result with the run's request, zone and time. */
final class Results {

    private Results() {
    }

    static ReportResult of(ReportDefinition d, Run run, List<Column> columns, Grouped.Layout layout,
            List<String> notes) {
        return new ReportResult(d.id(), d.title(), run.request(), columns, layout.rows(), layout.totals(),
                d.legend(), notes, run.zone().getId(), run.clock().instant());
    }
}
