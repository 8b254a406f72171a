package org.coffeecontrol.ui.internal.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.Column;
import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportJob;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.reports.api.SensorSeries;
import org.coffeecontrol.ui.internal.catalog.EntityCombo;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.TabSheet;

/**
 * REP-9: drinks over time stacked by product (the drinks report laid out one column per period), and one machine's
 * temperatures and consumable levels over time. Both charts zoom and save themselves as PNG (ECharts toolbox).
 * <p>
 * Ids: {@code chart-tabs}, tabs {@code tab-chart-drinks} and {@code tab-chart-sensors}; {@code chart-drinks-show},
 * {@code chart-drinks} (plus the drinks report's form ids {@code report-*}); {@code chart-machine},
 * {@code chart-sensors-from}, {@code chart-sensors-to}, {@code chart-sensors-show}, {@code chart-sensors};
 * {@code chart-status}.
 */
final class ChartsPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    /** Enough points for a sharp line across a screen; the service thins longer series evenly. */
    static final int MAX_POINTS = 2000;

    private final transient ReportService reports;
    private final transient Supplier<Caller> caller;
    private final Tr tr;
    private final ReportRunner runner;
    private final Span status = new Span();

    ChartsPanel(ReportService reports, CatalogService catalog, Supplier<Caller> caller, Tr tr) {
        this.reports = reports;
        this.caller = caller;
        this.tr = tr;
        this.runner = new ReportRunner(reports);
        setPadding(false);
        setSizeFull();
        status.setId("chart-status");
        TabSheet tabs = new TabSheet();
        tabs.setId("chart-tabs");
        tabs.setWidthFull();
        tabs.add(tr.t("charts.drinks"), drinksTab(catalog)).setId("tab-chart-drinks");
        tabs.add(tr.t("charts.sensors"), sensorsTab(catalog)).setId("tab-chart-sensors");
        add(status, tabs);
    }

    private VerticalLayout drinksTab(CatalogService catalog) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        ReportDefinition drinks = reports.definition(caller.get(), Reports.DRINKS);
        LocalDate today = LocalDate.now(reports.zone());
        ReportForm form = new ReportForm(drinks, reports, catalog, caller, tr, today, true);
        EChart chart = new EChart("chart-drinks");
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("12em");
        Button show = new Button(tr.t("charts.show"), VaadinIcon.BAR_CHART.create());
        show.setId("chart-drinks-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(e -> {
            ReportRequest base = form.request();
            Periodicity p = base.periodicity() == Periodicity.WHOLE ? Periodicity.DAY : base.periodicity();
            ReportRequest request = base.withGroupings(p, true, Grouping.PRODUCT);
            try {
                status.setText("");
                runner.start(caller.get(), request, new ReportRunner.Listener() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void progress(ReportJob job) {
                        progress.setVisible(true);
                    }

                    @Override
                    public void done(ReportResult result) {
                        progress.setVisible(false);
                        chart.setOption(drinksOption(result, tr.t("charts.drinks"), ReportText.title(tr, drinks)));
                    }

                    @Override
                    public void stopped(ReportJob.State state, String message) {
                        progress.setVisible(false);
                        status.setText(tr.t("report.failed", message == null ? tr.t("error.unexpected") : message));
                    }
                });
                progress.setVisible(true);
            } catch (ValidationException ex) {
                if (!form.show(ex)) {
                    Notices.error(ex.getMessage());
                }
            } catch (CoffeeException ex) {
                Notices.error(ex.getMessage());
            }
        });
        FlexLayout actions = new FlexLayout(show, progress);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.addClassName("report-progress");
        tab.add(form, actions, chart);
        return tab;
    }

    private VerticalLayout sensorsTab(CatalogService catalog) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        EntityCombo<Equipment> machine = new EntityCombo<>(tr.t("charts.machine"),
                q -> catalog.equipment(caller.get(), q), id -> catalog.equipment(caller.get(), id), Equipment::id,
                Equipment::serialNumber);
        machine.setId("chart-machine");
        machine.setRequired(true);
        ZoneId zone = reports.zone();
        LocalDate today = LocalDate.now(zone);
        DatePicker from = date("chart-sensors-from", "report.from", today.minusDays(6));
        DatePicker to = date("chart-sensors-to", "report.to", today);
        EChart chart = new EChart("chart-sensors");
        Button show = new Button(tr.t("charts.show"), VaadinIcon.LINE_CHART.create());
        show.setId("chart-sensors-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(e -> {
            Long id = machine.valueId();
            if (id == null) {
                machine.setErrorMessage(tr.t("validation.required"));
                machine.setInvalid(true);
                return;
            }
            machine.setInvalid(false);
            if (from.getValue() == null || to.getValue() == null) {
                Notices.error(tr.t("validation.required"));
                return;
            }
            try {
                Instant start = from.getValue().atStartOfDay(zone).toInstant();
                Instant end = to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
                List<SensorSeries> series = reports.sensorSeries(caller.get(), id, start, end, MAX_POINTS);
                String serial = machine.getValue().serialNumber();
                chart.setOption(sensorsOption(series, tr.t("charts.sensors.title", serial), "sensors-" + serial));
                status.setText(series.isEmpty() ? tr.t("charts.sensors.none") : "");
            } catch (CoffeeException ex) {
                Notices.error(ex.getMessage());
            }
        });
        FlexLayout filters = new FlexLayout(machine, from, to, show);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("report-filters");
        tab.add(filters, chart);
        return tab;
    }

    private DatePicker date(String id, String labelKey, LocalDate value) {
        DatePicker d = new DatePicker(tr.t(labelKey), value);
        d.setId(id);
        d.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        return d;
    }

    /**
     * The drinks report laid out horizontally (one row per product, one column per period) as a stacked chart.
     * Period columns are the data-driven ones (no title key); the product is the first text column.
     */
    static String drinksOption(ReportResult result, String title, String fileName) {
        List<Column> columns = result.columns();
        int product = -1;
        List<Integer> periodColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (product < 0 && c.type() == ColumnType.TEXT) {
                product = i;
            } else if (c.titleKey() == null && c.type() == ColumnType.INTEGER) {
                periodColumns.add(i);
            }
        }
        List<String> periods = periodColumns.stream().map(i -> columns.get(i).title()).toList();
        Map<String, long[]> byProduct = new LinkedHashMap<>();
        for (ReportRow row : result.details()) {
            Object name = product < 0 ? null : row.cell(product);
            long[] counts = byProduct.computeIfAbsent(name == null ? "" : name.toString(),
                    k -> new long[periods.size()]);
            for (int p = 0; p < periodColumns.size(); p++) {
                Object v = row.cell(periodColumns.get(p));
                counts[p] += v instanceof Number n ? n.longValue() : 0;
            }
        }
        return ChartOptions.drinksStacked(title, fileName, periods, byProduct);
    }

    static String sensorsOption(List<SensorSeries> series, String title, String fileName) {
        List<ChartOptions.Series> lines = new ArrayList<>();
        for (SensorSeries s : series) {
            List<ChartOptions.Point> points = new ArrayList<>(s.times().size());
            for (int i = 0; i < s.times().size(); i++) {
                points.add(new ChartOptions.Point(s.times().get(i), s.values().get(i)));
            }
            lines.add(new ChartOptions.Series(s.sensor(), s.unit(), points));
        }
        return ChartOptions.machineSeries(title, fileName, lines);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        runner.abandon();
        super.onDetach(event);
    }
}
