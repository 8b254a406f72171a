package org.coffeecontrol.ui.internal.tickets;

import java.util.EnumSet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

/**
 * The engineer's open tickets as cards that fit a phone (390 px wide): number, state, POS, reason, planned end;
 * a tap opens the ticket form. Element ids: {@code my-tickets}, {@code my-ticket-<number>}.
 */
@Route(value = "tickets/mine", layout = MainLayout.class)
@Allowed({ Role.ENGINEER })
public class MyTicketsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    public MyTicketsView(ServiceSource source) {
        TicketServices services = new TicketServices(source);
        Caller caller = UiSession.require();
        setWidthFull();
        setPadding(true);
        add(new H2(getTranslation("tickets.mine.title")));
        VerticalLayout list = new VerticalLayout();
        list.setId("my-tickets");
        list.setPadding(false);
        var mine = services.tickets.search(caller, new TicketQuery(null, EnumSet.of(TicketState.ASSIGNED,
                TicketState.IN_PROGRESS, TicketState.DONE), null, null, null, null, caller.username(), null, null, null,
                null, PageRequest.all())).items();
        if (mine.isEmpty()) {
            list.add(new Span(getTranslation("tickets.mine.none")));
        }
        for (Ticket t : mine) {
            Div card = new Div();
            card.addClassName("ticket-card");
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "8px")
                    .set("padding", "var(--lumo-space-s)").set("width", "100%").set("box-sizing", "border-box");
            Span head = new Span(t.number() + " · " + getTranslation("tickets.state." + t.state()));
            head.getStyle().set("font-weight", "bold");
            Div reason = new Div(new Span(t.reason()));
            Div due = new Div(new Span(t.plannedEnd() == null ? ""
                    : getTranslation("tickets.plannedEnd") + ": " + TicketServices.time(t.plannedEnd())));
            Button open = new Button(getTranslation("tickets.open"), e -> UI.getCurrent().navigate("tickets/" + t.id()));
            open.setId("my-ticket-" + t.number());
            open.setWidthFull();
            card.add(new Div(head), reason, due, open);
            list.add(card);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.mine.title");
    }
}
