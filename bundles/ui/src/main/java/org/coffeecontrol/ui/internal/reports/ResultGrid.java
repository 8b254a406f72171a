package org.coffeecontrol.ui.internal.reports;

import java.util.List;

import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;

/**
 * A report result as a grid: one column per result column, group subtotal rows in bold and indented by level, and
 * the overall totals as the footer row so they stay in sight while scrolling. Differences (REP-2) are coloured by
 * sign. Ids: {@code report-grid}; each total is a span {@code report-total-<column key>}.
 */
final class ResultGrid extends Grid<ReportRow> {
    private static final long serialVersionUID = 1L;

    ResultGrid(ReportResult result, CellFormat format, Tr tr) {
        setId("report-grid");
        addClassName("report-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        setColumnReorderingAllowed(true);
        List<org.coffeecontrol.reports.api.Column> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            org.coffeecontrol.reports.api.Column c = columns.get(i);
            int index = i;
            Grid.Column<ReportRow> col = addColumn(row -> format.format(c.type(), row.cell(index)))
                    .setHeader(ReportText.title(tr, c)).setKey(c.key()).setResizable(true).setAutoWidth(true);
            if (CellFormat.numeric(c.type())) {
                col.setTextAlign(ColumnTextAlign.END);
                if (signed(c)) {
                    col.setPartNameGenerator(row -> signPart(row.cell(index)));
                }
            }
            if (i == 0) {
                col.setFrozen(true);
            }
        }
        setPartNameGenerator(row -> row.kind() == ReportRow.Kind.SUBTOTAL ? "subtotal subtotal-" + row.level() : null);
        setItems(result.rows());
        if (result.totals() != null) {
            FooterRow footer = appendFooterRow();
            for (int i = 0; i < columns.size(); i++) {
                org.coffeecontrol.reports.api.Column c = columns.get(i);
                Object v = result.totals().get(i);
                // The service labels its totals row in English; the first cell reads in the user's language.
                boolean label = i == 0 && (v == null || v instanceof String);
                String text = label ? tr.t("report.total") : format.format(c.type(), v);
                Span cell = new Span(text);
                cell.setId("report-total-" + c.key());
                cell.addClassName("report-total");
                footer.getCell(getColumnByKey(c.key())).setComponent(cell);
            }
        }
    }

    /** Difference and change columns of a comparison, whose sign is the news. */
    static boolean signed(org.coffeecontrol.reports.api.Column c) {
        String k = c.key().toLowerCase(java.util.Locale.ROOT);
        return c.type() != ColumnType.MINUTES && (k.contains("diff") || k.contains("change") || k.contains("delta"));
    }

    static String signPart(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d > 0) {
                return "diff-up";
            }
            if (d < 0) {
                return "diff-down";
            }
        }
        return null;
    }
}
