package org.coffeecontrol.reports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.FilterKind;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;

/**
 * REP-7: completed inspection checklists of service visits, from the tickets feature. Without tickets installed
 * the report still runs and says so in its notes.
 */
final class ChecklistReport implements Report {

    static final String ID = "checklists";
    static final String NO_TICKETS = "The tickets feature is not installed: there are no checklists to report";

    private final Supplier<ChecklistSource> source;

    ChecklistReport(Supplier<ChecklistSource> source) {
        this.source = source;
    }

    @Override
    public ReportDefinition definition() {
        return new ReportDefinition(ID, "report.checklists.title", "Checklists",
                "REP-7: completed inspection checklists of service visits", PeriodKind.RANGE,
                Set.of(FilterKind.CLIENT, FilterKind.REGION, FilterKind.POS, FilterKind.EQUIPMENT), List.of(),
                List.of(), Set.of(Periodicity.WHOLE), false,
                List.of(Column.fixed("completedAt", "Completed", ColumnType.DATETIME),
                        Column.fixed("ticket", "Ticket", ColumnType.TEXT),
                        Column.fixed("location", "Point of sale", ColumnType.TEXT),
                        Column.fixed("equipment", "Equipment", ColumnType.TEXT),
                        Column.fixed("completedBy", "Completed by", ColumnType.TEXT),
                        Column.fixed("ok", "OK", ColumnType.INTEGER),
                        Column.fixed("notOk", "Not OK", ColumnType.INTEGER),
                        Column.fixed("notApplicable", "N/A", ColumnType.INTEGER),
                        Column.fixed("failedPoints", "Failed points", ColumnType.TEXT)),
                null, null);
    }

    @Override
    public ReportResult run(Run run) {
        ChecklistSource s = source.get();
        List<ReportRow> rows = new ArrayList<>();
        long[] sums = new long[4];
        List<String> notes = new ArrayList<>();
        if (s == null) {
            notes.add(NO_TICKETS);
        } else {
            Map<Long, String> posNames = new HashMap<>();
            run.scope().machines().forEach(m -> {
                if (m.posId() != null) {
                    posNames.put(m.posId(), m.posName());
                }
            });
            Instant from = run.from().atStartOfDay(run.zone()).toInstant();
            Instant to = run.to().plusDays(1).atStartOfDay(run.zone()).toInstant();
            run.progress().update(0.2, "reading checklists");
            for (ChecklistSource.Entry e : s.completed(run.caller(), from, to)) {
                boolean inScope = e.equipmentId() != null ? run.scope().contains(e.equipmentId())
                        : e.posId() != null && posNames.containsKey(e.posId());
                if (!inScope) {
                    continue;
                }
                Machine m = e.equipmentId() == null ? null : run.scope().machine(e.equipmentId());
                rows.add(new ReportRow(ReportRow.Kind.DETAIL, 1, Arrays.asList(e.completedAt(), e.ticketNumber(),
                        m != null ? m.posName() : posNames.get(e.posId()), m == null ? null : m.serial(),
                        e.completedBy(), (long) e.ok(), (long) e.notOk(), (long) e.notApplicable(),
                        e.failedPoints())));
                sums[0]++;
                sums[1] += e.ok();
                sums[2] += e.notOk();
                sums[3] += e.notApplicable();
            }
        }
        List<Object> totals = Arrays.asList("Total", sums[0] + " checklists", null, null, null, sums[1], sums[2],
                sums[3], null);
        return new ReportResult(ID, definition().title(), run.request(), definition().columns(), rows, totals, null,
                notes, run.zone().getId(), run.clock().instant());
    }
}
