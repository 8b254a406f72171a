package org.coffeecontrol.reports.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a result, cells in the order of {@link ReportResult#columns()}.
 *
 * @param kind  a detail row, or the subtotal of a group
 * @param level grouping depth: 0 for the outermost group's subtotal; detail rows carry the number of groupings
 */
public record ReportRow(Kind kind, int level, List<Object> cells) {

    public enum Kind { DETAIL, SUBTOTAL }

    public ReportRow {
        // cells may hold nulls, which List.copyOf refuses
        cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    public Object cell(int index) {
        return cells.get(index);
    }
}
