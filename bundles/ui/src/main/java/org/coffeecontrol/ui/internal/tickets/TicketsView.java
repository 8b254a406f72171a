package org.coffeecontrol.ui.internal.tickets;

import java.util.EnumSet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

/**
 * All visible tickets, newest first, with a text and state filter and a "new ticket" dialog. Element ids:
 * {@code tickets-text}, {@code tickets-state}, {@code tickets-grid}, {@code tickets-open-<number>},
 * {@code tickets-new} with {@code ticket-new-pos}, {@code ticket-new-equipment}, {@code ticket-new-reason},
 * {@code ticket-new-applicant}, {@code ticket-new-external}, {@code ticket-new-ok}.
 */
@Route(value = "tickets", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.MANAGER, Role.CLIENT, Role.TECH_SUPPORT })
public class TicketsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final TicketServices services;
    private final TextField text = new TextField();
    private final Select<TicketState> state = new Select<>();
    private final Grid<Ticket> grid = new Grid<>();

    public TicketsView(ServiceSource source) {
        services = new TicketServices(source);
        setSizeFull();
        text.setId("tickets-text");
        text.setPlaceholder(getTranslation("tickets.search"));
        text.addValueChangeListener(e -> refresh());
        state.setId("tickets-state");
        state.setItems(TicketState.values());
        state.setEmptySelectionAllowed(true);
        state.setItemLabelGenerator(s -> s == null ? getTranslation("tickets.allStates") : getTranslation("tickets.state." + s));
        state.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("tickets.new"), e -> newTicket());
        create.setId("tickets-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("tickets.title")), text, state, create);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        grid.setId("tickets-grid");
        grid.addColumn(Ticket::number).setHeader(getTranslation("tickets.number")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("tickets.state." + t.state())).setHeader(getTranslation("tickets.state"))
                .setAutoWidth(true);
        grid.addColumn(Ticket::source).setHeader(getTranslation("tickets.source")).setAutoWidth(true);
        grid.addColumn(Ticket::category).setHeader(getTranslation("tickets.category")).setAutoWidth(true);
        grid.addColumn(t -> TicketServices.text(t.executor())).setHeader(getTranslation("tickets.executor"))
                .setAutoWidth(true);
        grid.addColumn(t -> TicketServices.time(t.createdAt())).setHeader(getTranslation("tickets.createdAt"))
                .setAutoWidth(true);
        grid.addColumn(Ticket::reason).setHeader(getTranslation("tickets.reason")).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Button b = new Button(getTranslation("tickets.open"), e -> UI.getCurrent().navigate("tickets/" + t.id()));
            b.setId("tickets-open-" + t.number());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return b;
        }).setAutoWidth(true);
        add(bar, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(services.tickets.search(UiSession.require(), new TicketQuery(text.getValue(),
                state.getValue() == null ? null : EnumSet.of(state.getValue()), null, null, null, null, null, null,
                null, null, null, new PageRequest(0, 200))).items());
    }

    private void newTicket() {
        Dialog d = new Dialog();
        d.setId("ticket-new");
        d.setHeaderTitle(getTranslation("tickets.new"));
        IntegerField pos = new IntegerField(getTranslation("tickets.posId"));
        pos.setId("ticket-new-pos");
        IntegerField equipment = new IntegerField(getTranslation("tickets.equipmentId"));
        equipment.setId("ticket-new-equipment");
        TextArea reason = new TextArea(getTranslation("tickets.reason"));
        reason.setId("ticket-new-reason");
        TextField applicant = new TextField(getTranslation("tickets.applicant"));
        applicant.setId("ticket-new-applicant");
        TextField external = new TextField(getTranslation("tickets.externalNumber"));
        external.setId("ticket-new-external");
        Button ok = new Button(getTranslation("tickets.ok"), e -> {
            Ticket t = services.tickets.create(UiSession.require(), new NewTicket(TicketSource.MANUAL,
                    external.getValue(), null, null, pos.getValue() == null ? null : pos.getValue().longValue(),
                    equipment.getValue() == null ? null : equipment.getValue().longValue(), null, applicant.getValue(),
                    null, reason.getValue(), null));
            d.close();
            UI.getCurrent().navigate("tickets/" + t.id());
        });
        ok.setId("ticket-new-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new VerticalLayout(pos, equipment, reason, applicant, external));
        d.getFooter().add(new Button(getTranslation("tickets.back"), e -> d.close()), ok);
        d.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.title");
    }
}
