package org.coffeecontrol.ui.internal.tickets;

import java.util.EnumSet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.DispatchAdvice;
import org.coffeecontrol.tickets.api.MechanicCandidate;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

/**
 * TKT-4: field visits waiting for a mechanic. The dispatch dialog shows the route and organisation from the POS
 * card and ranks the mechanics (free first, nearest first). Element ids: {@code dispatch-grid},
 * {@code dispatch-<number>} (opens the dialog {@code dispatch-dialog}), {@code dispatch-route},
 * {@code dispatch-suggested}, {@code dispatch-assign-<username>}.
 */
@Route(value = "tickets/dispatch", layout = MainLayout.class)
@Allowed({ Role.SERVICE_ADMIN, Role.OPERATOR })
public class DispatchView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final TicketServices services;
    private final Grid<Ticket> grid = new Grid<>();

    public DispatchView(ServiceSource source) {
        services = new TicketServices(source);
        setSizeFull();
        add(new H2(getTranslation("tickets.dispatch.title")));
        grid.setId("dispatch-grid");
        grid.addColumn(Ticket::number).setHeader(getTranslation("tickets.number")).setAutoWidth(true);
        grid.addColumn(Ticket::category).setHeader(getTranslation("tickets.category")).setAutoWidth(true);
        grid.addColumn(t -> TicketServices.time(t.createdAt())).setHeader(getTranslation("tickets.createdAt"))
                .setAutoWidth(true);
        grid.addColumn(Ticket::reason).setHeader(getTranslation("tickets.reason")).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Button b = new Button(getTranslation("tickets.action.dispatch"), e -> open(t));
            b.setId("dispatch-" + t.number());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            Button form = new Button(getTranslation("tickets.open"), e -> UI.getCurrent().navigate("tickets/" + t.id()));
            form.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(b, form);
        }).setAutoWidth(true);
        add(grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(services.tickets.search(UiSession.require(), new TicketQuery(null,
                EnumSet.of(TicketState.NEW), null, null, null, null, null, null, null, null, true, PageRequest.all()))
                .items());
    }

    private void open(Ticket t) {
        DispatchAdvice advice = services.dispatch.advise(UiSession.require(), t.id());
        Dialog d = new Dialog();
        d.setId("dispatch-dialog");
        d.setHeaderTitle(t.number() + ": " + t.reason());
        Span route = new Span(getTranslation("tickets.dispatch.route", TicketServices.text(advice.route()),
                TicketServices.text(advice.organisation()), TicketServices.text(advice.posMechanic())));
        route.setId("dispatch-route");
        Span suggested = new Span(advice.suggested() == null ? getTranslation("tickets.dispatch.nobodyFree")
                : getTranslation("tickets.dispatch.suggested", advice.suggested()));
        suggested.setId("dispatch-suggested");
        Grid<MechanicCandidate> candidates = new Grid<>();
        candidates.setId("dispatch-candidates");
        candidates.addColumn(MechanicCandidate::username).setHeader(getTranslation("tickets.mechanic")).setAutoWidth(true);
        candidates.addColumn(c -> c.distanceKm() == null ? "" : String.format("%.1f km", c.distanceKm()))
                .setHeader(getTranslation("tickets.distance")).setAutoWidth(true);
        candidates.addColumn(MechanicCandidate::openTickets).setHeader(getTranslation("tickets.openTickets"))
                .setAutoWidth(true);
        candidates.addColumn(c -> getTranslation(c.free() ? "tickets.free" : c.onDuty() ? "tickets.busy"
                : "tickets.offDuty") + (c.posMechanic() ? " ★" : "")).setHeader(getTranslation("tickets.availability"))
                .setAutoWidth(true);
        candidates.addComponentColumn(c -> {
            Button b = new Button(getTranslation("tickets.action.assign"), e -> {
                services.tickets.assign(UiSession.require(), t.id(), t.version(), c.username(), null);
                d.close();
                refresh();
            });
            b.setId("dispatch-assign-" + c.username());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return b;
        });
        candidates.setItems(advice.candidates());
        candidates.setAllRowsVisible(true);
        d.add(new VerticalLayout(route, suggested, candidates));
        d.setWidth("min(95vw, 800px)");
        d.getFooter().add(new Button(getTranslation("tickets.back"), e -> d.close()));
        d.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.dispatch.title");
    }
}
