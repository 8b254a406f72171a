package org.coffeecontrol.ui.internal.tickets;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.AuditPlan;
import org.coffeecontrol.tickets.api.AuditRequest;
import org.coffeecontrol.tickets.api.AuditRunResult;
import org.coffeecontrol.tickets.api.PlannedAudit;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

/**
 * TKT-5: preview the month's audit visits per SLA level, then run; the run works in the background and moves the
 * progress bar over push. Element ids: {@code audit-month}, {@code audit-mechanic}, {@code audit-preview},
 * {@code audit-run}, {@code audit-progress}, {@code audit-summary}, {@code audit-grid}.
 */
@Route(value = "tickets/audits", layout = MainLayout.class)
@Allowed({ Role.SERVICE_ADMIN })
public class AuditPlanView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final TicketServices services;
    private final TextField month = new TextField();
    private final TextField mechanic = new TextField();
    private final Grid<PlannedAudit> grid = new Grid<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span summary = new Span();
    private final Button run = new Button();

    public AuditPlanView(ServiceSource source) {
        services = new TicketServices(source);
        setSizeFull();
        add(new H2(getTranslation("tickets.audits.title")));
        month.setId("audit-month");
        month.setLabel(getTranslation("tickets.audits.month"));
        month.setValue(YearMonth.now().plusMonths(1).toString());
        mechanic.setId("audit-mechanic");
        mechanic.setLabel(getTranslation("tickets.audits.mechanic"));
        Button preview = new Button(getTranslation("tickets.audits.preview"), e -> preview());
        preview.setId("audit-preview");
        run.setText(getTranslation("tickets.audits.run"));
        run.setId("audit-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(false);
        run.addClickListener(e -> run());
        HorizontalLayout bar = new HorizontalLayout(month, mechanic, preview, run);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        progress.setId("audit-progress");
        progress.setVisible(false);
        summary.setId("audit-summary");
        grid.setId("audit-grid");
        grid.addColumn(PlannedAudit::posName).setHeader(getTranslation("tickets.pos")).setFlexGrow(1);
        grid.addColumn(PlannedAudit::slaLevel).setHeader("SLA").setAutoWidth(true);
        grid.addColumn(PlannedAudit::visit).setHeader(getTranslation("tickets.audits.visit")).setAutoWidth(true);
        grid.addColumn(PlannedAudit::plannedDate).setHeader(getTranslation("tickets.audits.date")).setAutoWidth(true);
        grid.addColumn(p -> TicketServices.text(p.mechanic())).setHeader(getTranslation("tickets.mechanic"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.existingTicket() == null ? getTranslation("tickets.audits.new") : p.existingTicket())
                .setHeader(getTranslation("tickets.number")).setAutoWidth(true);
        add(bar, progress, summary, grid);
        expand(grid);
    }

    private AuditRequest request() {
        YearMonth m;
        try {
            m = month.getValue().isBlank() ? null : YearMonth.parse(month.getValue().strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("month", getTranslation("tickets.audits.badMonth"));
        }
        return new AuditRequest(m, mechanic.getValue().isBlank() ? null : mechanic.getValue().strip(), null);
    }

    private void preview() {
        AuditPlan plan = services.audits.preview(UiSession.require(), request());
        grid.setItems(plan.visits());
        summary.setText(getTranslation("tickets.audits.summary", plan.month(), plan.visits().size(), plan.toCreate())
                + (plan.warnings().isEmpty() ? "" : " · " + String.join(" · ", plan.warnings())));
        run.setEnabled(plan.toCreate() > 0);
    }

    private void run() {
        AuditRequest request = request();
        Caller caller = UiSession.require();
        UI ui = UI.getCurrent();
        run.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        Thread worker = new Thread(() -> {
            try {
                AuditRunResult r = services.audits.run(caller, request, (done, total) -> ui.access(() ->
                        progress.setValue(total == 0 ? 1 : (double) done / total)));
                ui.access(() -> {
                    preview();
                    summary.setText(getTranslation("tickets.audits.done", r.month(), r.created(), r.skipped()));
                });
            } catch (CoffeeException e) {
                ui.access(() -> summary.setText(e.getMessage()));
            }
        }, "coffee-audit-run");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.audits.title");
    }
}
