package org.coffeecontrol.ui.internal.tickets.sources;

import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.CompletenessCheck;
import org.coffeecontrol.tickets.api.CompletenessFinding;
import org.coffeecontrol.tickets.api.CompletenessRun;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * Completeness check of finished tickets (TKT-7), the admin report: the findings of the latest run, and a button
 * to run it now (service administrators). Element ids: {@code completeness-run}, {@code completeness-summary},
 * {@code completeness-grid}, {@code completeness-status}.
 */
@Route(value = "service/completeness", layout = MainLayout.class)
@Allowed({ Role.SERVICE_ADMIN, Role.MANAGER })
public class CompletenessView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient CompletenessCheck check;
    private final transient Caller caller = UiSession.require();
    private final Tr tr = this::getTranslation;
    private final Status status = new Status("completeness-status", tr);
    private final Span summary = new Span();
    private final Grid<CompletenessFinding> grid = new Grid<>();

    public CompletenessView(ServiceSource services) {
        this.check = ServiceProxies.proxy(services, CompletenessCheck.class);
        setSizeFull();
        Button run = new Button(tr.t("tkt.completeness.run"), e -> run());
        run.setId("completeness-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setVisible(caller.hasAny(Role.SERVICE_ADMIN, Role.ADMIN));
        summary.setId("completeness-summary");
        grid.setId("completeness-grid");
        grid.addColumn(CompletenessFinding::ticketNumber).setHeader(tr.t("tkt.completeness.ticket"))
                .setAutoWidth(true);
        grid.addColumn(f -> f.state().name()).setHeader(tr.t("tkt.completeness.state")).setAutoWidth(true);
        grid.addColumn(CompletenessFinding::executor).setHeader(tr.t("tkt.completeness.executor")).setAutoWidth(true);
        grid.addColumn(f -> String.join(", ", f.missing())).setHeader(tr.t("tkt.completeness.missing"))
                .setFlexGrow(1);
        grid.addColumn(f -> f.sentBack() ? (f.sentTo() == null ? tr.t("tkt.completeness.noted") : f.sentTo())
                : tr.t("tkt.completeness.alreadySent")).setHeader(tr.t("tkt.completeness.sentBack"))
                .setAutoWidth(true);
        add(new H2(getPageTitle()), run, summary, status, grid);
        expand(grid);
        status.attempt(this::showLatest);
    }

    private void showLatest() {
        List<CompletenessRun> runs = check.runs(caller, 1);
        if (runs.isEmpty()) {
            summary.setText(tr.t("tkt.completeness.never"));
            grid.setItems(List.of());
            return;
        }
        CompletenessRun r = runs.get(0);
        summary.setText(tr.t("tkt.completeness.summary", String.valueOf(r.startedAt()).replace('T', ' '),
                r.trigger(), r.checked(), r.flagged(), r.sentBack()));
        grid.setItems(check.findings(caller, r.id()));
    }

    private void run() {
        status.attempt(() -> {
            CompletenessRun r = check.run(caller);
            showLatest();
            status.ok(tr.t("tkt.completeness.done", r.flagged()));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.completeness");
    }
}
