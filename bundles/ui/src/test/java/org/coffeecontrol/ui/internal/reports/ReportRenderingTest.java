package org.coffeecontrol.ui.internal.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.coffeecontrol.reports.api.SensorSeries;
import org.coffeecontrol.ui.internal.i18n.Translations;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.dom.Element;

/** How results become cells, calendars, charts and file names. */
class ReportRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);

    private static ReportResult result(List<Column> columns, List<ReportRow> rows, List<Object> totals,
            Map<String, String> legend) {
        return new ReportResult("drinks", "Drinks", ReportRequest.of("drinks", D1, D1.plusDays(30),
                ReportFilter.none()), columns, rows, totals, legend, List.of(), "UTC", Instant.now());
    }

    private static ReportRow detail(Object... cells) {
        return new ReportRow(ReportRow.Kind.DETAIL, 1, Arrays.asList(cells));
    }

    @Test
    void cellsReadInTheUsersLanguage() {
        CellFormat en = new CellFormat(Locale.ENGLISH, ZoneId.of("UTC"), Map.of("OK", "Cleaned within schedule"));
        assertEquals("1,234", en.format(ColumnType.INTEGER, 1234L));
        assertEquals("12.50", en.format(ColumnType.DECIMAL, 12.5));
        assertEquals("99.5\u00a0%", en.format(ColumnType.PERCENT, 99.5));
        assertEquals("27:05", en.format(ColumnType.MINUTES, 27 * 60L + 5));
        assertEquals("-0:30", en.format(ColumnType.MINUTES, -30L));
        assertEquals("Cleaned within schedule", en.format(ColumnType.STATE, "OK"));
        assertEquals("UNKNOWN", en.format(ColumnType.STATE, "UNKNOWN"));
        assertEquals("", en.format(ColumnType.INTEGER, null));
        CellFormat ru = new CellFormat(Translations.RUSSIAN, ZoneId.of("UTC"), Map.of());
        assertEquals("1\u00a0234", ru.format(ColumnType.INTEGER, 1234L));
        assertEquals("12,50", ru.format(ColumnType.DECIMAL, 12.5));
    }

    @Test
    void comparisonDifferencesAreColouredBySign() {
        assertTrue(ResultGrid.signed(Column.fixed("diff", "Difference", ColumnType.INTEGER)));
        assertTrue(ResultGrid.signed(Column.fixed("changePct", "Change %", ColumnType.PERCENT)));
        assertTrue(!ResultGrid.signed(Column.fixed("drinks", "Drinks", ColumnType.INTEGER)));
        assertEquals("diff-up", ResultGrid.signPart(3L));
        assertEquals("diff-down", ResultGrid.signPart(-12.5));
        assertNull(ResultGrid.signPart(0L));
        assertNull(ResultGrid.signPart(null));
    }

    @Test
    void theHorizontalDrinksReportBecomesOneStackPerPeriod() throws Exception {
        List<Column> columns = List.of(Column.fixed("product", "Drink", ColumnType.TEXT),
                Column.data("2026-03-01", "2026-03-01", ColumnType.INTEGER),
                Column.data("2026-03-02", "2026-03-02", ColumnType.INTEGER),
                Column.fixed("drinks", "Total", ColumnType.INTEGER));
        ReportResult r = result(columns, List.of(detail("Americano 200", 20L, 2L, 22L), detail("Espresso", 3L, null,
                3L), new ReportRow(ReportRow.Kind.SUBTOTAL, 0, Arrays.asList(null, 23L, 2L, 25L))), null, null);
        JsonNode o = JSON.readTree(ChartsPanel.drinksOption(r, "Drinks over time", "drinks"));
        List<String> periods = new ArrayList<>();
        o.path("xAxis").path("data").forEach(n -> periods.add(n.asText()));
        assertEquals(List.of("2026-03-01", "2026-03-02"), periods);
        // Subtotal rows are not products; a missing cell counts as none sold.
        assertEquals(2, o.path("series").size());
        assertEquals("Americano 200", o.path("series").get(0).path("name").asText());
        assertEquals("[20,2]", o.path("series").get(0).path("data").toString());
        assertEquals("[3,0]", o.path("series").get(1).path("data").toString());
    }

    @Test
    void sensorSeriesBecomeLinesOnTheirAxes() throws Exception {
        Instant t = Instant.parse("2026-03-01T08:00:00Z");
        JsonNode o = JSON.readTree(ChartsPanel.sensorsOption(List.of(
                new SensorSeries("boiler_temp", "°C", List.of(t, t.plusSeconds(600)), List.of(91.0, 92.0)),
                new SensorSeries("beans_level", "%", List.of(t), List.of(55.0))), "Sensors of X", "sensors-X"));
        assertEquals(2, o.path("series").size());
        assertEquals(0, o.path("series").get(0).path("yAxisIndex").asInt());
        assertEquals(1, o.path("series").get(1).path("yAxisIndex").asInt());
        assertEquals(92.0, o.path("series").get(0).path("data").get(1).get(1).asDouble());
    }

    @Test
    void cleaningResultsAreACalendarWithTheFourStates() {
        Map<String, String> legend = new LinkedHashMap<>();
        legend.put("WITHIN_SCHEDULE", "Cleaned within schedule");
        legend.put("OUTSIDE_SCHEDULE", "Cleaned outside schedule");
        legend.put("NOT_CLEANED", "Not cleaned");
        legend.put("NOT_ONLINE", "Not online");
        List<Column> columns = List.of(Column.fixed("equipment", "Machine", ColumnType.TEXT),
                Column.data("2026-03-01", "2026-03-01", ColumnType.STATE),
                Column.data("2026-03-02", "2026-03-02", ColumnType.STATE),
                Column.fixed("daysWithoutCleaning", "Days without cleaning", ColumnType.INTEGER));
        ReportResult r = result(columns, List.of(detail("WMF-1", "WITHIN_SCHEDULE", "NOT_CLEANED", 1L),
                detail("BW4-2", "OUTSIDE_SCHEDULE", null, 0L)), null, legend);
        assertTrue(CleaningCalendar.applies(r));
        assertTrue(!CleaningCalendar.applies(result(List.of(columns.get(0)), List.of(), null, null)));

        CleaningCalendar cal = new CleaningCalendar(r, new CellFormat(Locale.ENGLISH, ZoneId.of("UTC"), legend),
                Translations.forLocale(Locale.ENGLISH));
        Element body = find(cal.getElement(), "tbody");
        Element first = body.getChild(0);
        assertEquals("WMF-1", first.getChild(0).getText());
        assertEquals("WITHIN_SCHEDULE", first.getChild(1).getAttribute("data-state"));
        assertTrue(first.getChild(1).getClassList().contains("cal-within-schedule"));
        assertTrue(first.getChild(2).getClassList().contains("cal-not-cleaned"));
        assertEquals("1", first.getChild(3).getText());
        Element second = body.getChild(1);
        assertTrue(second.getChild(1).getClassList().contains("cal-outside-schedule"));
        // A day the report says nothing about stays blank rather than pretending a state.
        assertNull(second.getChild(2).getAttribute("data-state"));
        assertEquals("1", find(cal.getElement(), "thead").getChild(0).getChild(1).getText());

        Element legendBox = cal.getElement().getChild(0);
        assertEquals(4, legendBox.getChildCount());
        assertEquals("NOT_ONLINE", legendBox.getChild(3).getAttribute("data-state"));
        assertTrue(legendBox.getChild(3).getChild(0).getClassList().contains("cal-not-online"));
    }

    @Test
    void stateWordsMapToTheFourKinds() {
        assertEquals("cal-not-online", CleaningCalendar.cssClass("NOT_ONLINE"));
        assertEquals("cal-not-cleaned", CleaningCalendar.cssClass("NOT_CLEANED"));
        assertEquals("cal-outside-schedule", CleaningCalendar.cssClass("CLEANED_OUTSIDE_SCHEDULE"));
        assertEquals("cal-within-schedule", CleaningCalendar.cssClass("CLEANED_WITHIN_SCHEDULE"));
        // the reports bundle's own keys
        assertEquals("cal-within-schedule", CleaningCalendar.cssClass("CLEANED_IN_SCHEDULE"));
        assertEquals("cal-outside-schedule", CleaningCalendar.cssClass("CLEANED_OUT_OF_SCHEDULE"));
        assertEquals("cal-other", CleaningCalendar.cssClass("SOMETHING"));
    }

    @Test
    void exportFilesAreNamedAfterReportAndPeriod() {
        ReportResult r = result(List.of(), List.of(), null, null);
        assertEquals("drinks_2026-03-01_2026-03-31.xlsx", ExportLink.fileName(r, ExportFormat.XLSX));
        assertEquals("drinks_2026-03-01_2026-03-31.csv", ExportLink.fileName(r, ExportFormat.CSV));
    }

    private static Element find(Element root, String tag) {
        if (root.isTextNode()) {
            return null;
        }
        if (tag.equals(root.getTag())) {
            return root;
        }
        for (int i = 0; i < root.getChildCount(); i++) {
            Element e = find(root.getChild(i), tag);
            if (e != null) {
                return e;
            }
        }
        return null;
    }
}
