package org.coffeecontrol.reports.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A finished report: columns, rows (detail and group subtotals, in display order) and the overall totals row.
 *
 * @param totals one cell per column (null where a total makes no sense); null when the report has no totals
 * @param legend meaning of STATE cell values (REP-4), in display order
 * @param notes  remarks a reader needs, e.g. "tickets are not installed: no checklists"
 * @param zone   the time zone days were counted in
 */
public record ReportResult(String reportId, String title, ReportRequest request, List<Column> columns,
        List<ReportRow> rows, List<Object> totals, Map<String, String> legend, List<String> notes, String zone,
        Instant generatedAt) {

    public ReportResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = totals == null ? null : Collections.unmodifiableList(new ArrayList<>(totals));
        legend = legend == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(legend));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }

    /** Detail rows only. */
    public List<ReportRow> details() {
        return rows.stream().filter(r -> r.kind() == ReportRow.Kind.DETAIL).toList();
    }
}
