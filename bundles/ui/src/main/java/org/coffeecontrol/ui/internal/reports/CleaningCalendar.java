package org.coffeecontrol.ui.internal.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

/**
 * REP-4 as the manual shows it: one row per machine, one cell per day coloured by the day's cleaning state, with
 * the machine's columns before the days and its figures (days without cleaning) after them. Any result whose
 * columns include STATE columns is drawn this way; the days are those STATE columns, in order.
 * <p>
 * A plain table rather than a grid: a month of a few hundred machines is a few thousand small cells that need no
 * lazy loading, and each keeps its colour when printed. Every cell also carries a mark and a tooltip, so the states
 * are told apart without colour. Ids for browser tests: {@code cleaning-calendar}, {@code cleaning-legend}; day
 * cells carry {@code data-state} with the state key.
 */
final class CleaningCalendar extends Div {
    private static final long serialVersionUID = 1L;

    /** The manual's four states by the words their keys are made of, checked in this order. */
    private static final String[][] KINDS = { { "NOT_ONLINE", "OFFLINE", "NO_DATA" }, { "NOT_CLEANED", "MISSED" },
            { "OUTSIDE", "OUT_OF", "OFF_SCHEDULE", "LATE", "EARLY" }, { "WITHIN", "ON_SCHEDULE", "CLEANED", "OK" } };
    private static final String[] KIND_CLASS = { "cal-not-online", "cal-not-cleaned", "cal-outside-schedule",
            "cal-within-schedule" };
    private static final String[] KIND_MARK = { "\u2013", "\u2717", "\u00b1", "\u2713" };

    static boolean applies(ReportResult result) {
        return result.columns().stream().anyMatch(c -> c.type() == ColumnType.STATE);
    }

    CleaningCalendar(ReportResult result, CellFormat format, Tr tr) {
        addClassName("cleaning-calendar-box");
        Map<String, String> legend = result.legend();
        add(legend(legend, tr));
        Div scroller = new Div();
        scroller.addClassName("cleaning-calendar-scroll");
        scroller.getElement().appendChild(table(result, format, tr));
        add(scroller);
    }

    /** Index into KINDS of a state key, or -1 for a state of none of the four kinds. */
    static int kind(String state) {
        String k = state.toUpperCase(Locale.ROOT);
        for (int i = 0; i < KINDS.length; i++) {
            for (String word : KINDS[i]) {
                if (k.contains(word)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String cssClass(String state) {
        int k = kind(state);
        return k < 0 ? "cal-other" : KIND_CLASS[k];
    }

    private static String mark(String state) {
        int k = kind(state);
        return k < 0 ? "?" : KIND_MARK[k];
    }

    private static String label(Tr tr, Map<String, String> legend, String state) {
        return ReportText.translated(tr, "report.cleaning.state." + state, legend.getOrDefault(state, state));
    }

    private static Div legend(Map<String, String> legend, Tr tr) {
        Div box = new Div();
        box.setId("cleaning-legend");
        box.addClassName("cleaning-legend");
        for (String state : legend.keySet()) {
            Span swatch = new Span(mark(state));
            swatch.addClassNames("cal-cell", cssClass(state));
            Span item = new Span(swatch, new Span(label(tr, legend, state)));
            item.addClassName("cleaning-legend-item");
            item.getElement().setAttribute("data-state", state);
            box.add(item);
        }
        return box;
    }

    private static Element table(ReportResult result, CellFormat format, Tr tr) {
        List<Column> columns = result.columns();
        List<Integer> days = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).type() == ColumnType.STATE) {
                days.add(i);
            }
        }
        Element table = new Element("table");
        table.setAttribute("id", "cleaning-calendar");
        table.getClassList().add("cleaning-calendar");
        Element head = new Element("tr");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Element th = new Element("th");
            if (c.type() == ColumnType.STATE) {
                // Day columns are titled with their date: the day of the month is enough above a narrow cell.
                String title = ReportText.title(tr, c);
                th.setText(title.length() >= 10 ? title.substring(8, 10).replaceFirst("^0", "") : title);
                th.setAttribute("title", title);
            } else {
                th.setText(ReportText.title(tr, c));
            }
            head.appendChild(th);
        }
        table.appendChild(new Element("thead").appendChild(head));

        Element body = new Element("tbody");
        for (ReportRow row : result.rows()) {
            Element line = new Element("tr");
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Object v = row.cell(i);
                Element td = new Element(i == 0 ? "th" : "td");
                if (c.type() == ColumnType.STATE) {
                    td.getClassList().add("cal-cell");
                    if (v != null) {
                        String state = v.toString();
                        td.setText(mark(state));
                        td.getClassList().add(cssClass(state));
                        td.setAttribute("data-state", state);
                        td.setAttribute("title", ReportText.title(tr, c) + ": " + label(tr, result.legend(), state));
                    }
                } else {
                    td.setText(format.format(c.type(), v));
                    if (CellFormat.numeric(c.type())) {
                        td.getClassList().add("cal-total");
                    }
                }
                line.appendChild(td);
            }
            if (row.kind() == ReportRow.Kind.SUBTOTAL) {
                line.getClassList().add("cal-subtotal");
            }
            body.appendChild(line);
        }
        table.appendChild(body);
        return table;
    }
}
