package org.coffeecontrol.ui.internal.reports;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportJob;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * One report's page below the title: the form, Run, the progress of a running job with Cancel, then the result
 * (grid with totals, or the cleaning calendar) with its export links. Element ids: {@code report-run},
 * {@code report-progress}, {@code report-cancel}, {@code report-status}, {@code report-result}, plus those of
 * {@link ReportForm}, {@link ResultGrid}, {@link CleaningCalendar} and {@link ExportLink}.
 */
final class ReportPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient ReportService reports;
    private final transient Supplier<Caller> caller;
    private final Tr tr;
    private final ReportForm form;
    private final ReportRunner runner;
    private final Button run = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final HorizontalLayout running;
    private final Div result = new Div();

    ReportPanel(ReportDefinition definition, ReportService reports, CatalogService catalog, Supplier<Caller> caller,
            Tr tr) {
        this.reports = reports;
        this.caller = caller;
        this.tr = tr;
        this.runner = new ReportRunner(reports);
        setPadding(false);
        setSizeFull();
        if (definition.description() != null && !definition.description().isBlank()) {
            Paragraph about = new Paragraph(ReportText.translated(tr, "report." + definition.id() + ".description",
                    definition.description()));
            about.addClassName("report-empty");
            add(about);
        }
        form = new ReportForm(definition, reports, catalog, caller, tr, LocalDate.now(reports.zone()), false);

        run.setText(tr.t("report.run"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.setId("report-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        run.setDisableOnClick(true);

        progress.setId("report-progress");
        progress.setWidth("16em");
        cancel.setText(tr.t("action.cancel"));
        cancel.setId("report-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> runner.cancel(caller.get()));
        status.setId("report-status");
        running = new HorizontalLayout(progress, cancel);
        running.addClassName("report-progress");
        running.setAlignItems(FlexComponent.Alignment.CENTER);
        running.setVisible(false);

        HorizontalLayout actions = new HorizontalLayout(run, running, status);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWidthFull();

        result.setId("report-result");
        result.setWidthFull();
        result.addClassName("report-result");
        add(form, actions, result);
        setFlexGrow(1, result);
    }

    private void start() {
        status.setText("");
        try {
            ReportJob job = runner.start(caller.get(), form.request(), new ReportRunner.Listener() {
                private static final long serialVersionUID = 1L;

                @Override
                public void progress(ReportJob j) {
                    showProgress(j);
                }

                @Override
                public void done(ReportResult r) {
                    finished();
                    show(r);
                }

                @Override
                public void stopped(ReportJob.State state, String message) {
                    finished();
                    String text = state == ReportJob.State.CANCELLED ? tr.t("report.cancelled")
                            : tr.t("report.failed", message == null ? tr.t("error.unexpected") : message);
                    status.setText(text);
                }
            });
            running.setVisible(true);
            showProgress(job);
        } catch (ValidationException e) {
            run.setEnabled(true);
            if (!form.show(e)) {
                Notices.error(e.getMessage());
            }
        } catch (CoffeeException e) {
            run.setEnabled(true);
            Notices.error(e.getMessage());
        }
    }

    private void showProgress(ReportJob job) {
        progress.setIndeterminate(job.progress() <= 0);
        progress.setValue(Math.max(0, Math.min(1, job.progress())));
        status.setText(job.message() == null ? "" : job.message());
    }

    private void finished() {
        running.setVisible(false);
        run.setEnabled(true);
    }

    /** Shows a finished result (also used by the charts page to reuse the grid). */
    void show(ReportResult r) {
        result.removeAll();
        status.setText(tr.t("report.rows", r.details().size()));
        for (String note : r.notes()) {
            Paragraph p = new Paragraph(note);
            p.addClassName("report-note");
            result.add(p);
        }
        if (r.rows().isEmpty()) {
            Paragraph empty = new Paragraph(tr.t("report.empty"));
            empty.setId("report-empty");
            empty.addClassName("report-empty");
            result.add(empty);
        }
        CellFormat format = new CellFormat(getLocale(), reports.zone(), r.legend());
        HorizontalLayout exports = new HorizontalLayout(
                new ExportLink(reports, r, ExportFormat.XLSX, tr.t("report.export.xlsx")),
                new ExportLink(reports, r, ExportFormat.CSV, tr.t("report.export.csv")));
        exports.addClassName("report-exports");
        result.add(exports);
        if (CleaningCalendar.applies(r)) {
            result.add(new CleaningCalendar(r, format, tr));
        } else {
            ResultGrid grid = new ResultGrid(r, format, tr);
            grid.setHeight("min(70vh, 48em)");
            result.add(grid);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        runner.abandon();
        super.onDetach(event);
    }
}
