package org.coffeecontrol.ui.internal.tickets.sources;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.InboxItem;
import org.coffeecontrol.tickets.api.InboxStatus;
import org.coffeecontrol.tickets.api.MailPollResult;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketInbox;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * Mail triage (TKT-2): the mails of the ticket mailbox that did not find their POS, read and turned into tickets by
 * hand, or dismissed with a reason; "all" shows every mail and what became of it. Element ids:
 * {@code triage-all}, {@code triage-poll}, {@code triage-grid}, {@code triage-body}, {@code triage-pos},
 * {@code triage-assign}, {@code triage-reason}, {@code triage-dismiss}, {@code triage-status}.
 */
@Route(value = "service/mail-triage", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN })
public class MailTriageView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient TicketInbox inbox;
    private final transient Caller caller = UiSession.require();
    private final Tr tr = this::getTranslation;
    private final Status status = new Status("triage-status", tr);
    private final Grid<InboxItem> grid = new Grid<>();
    private final Checkbox all = new Checkbox();
    private final Pre body = new Pre();
    private final ComboBox<PointOfSale> pos = new ComboBox<>();
    private final TextField reason = new TextField();
    private final Button assign = new Button();
    private final Button dismiss = new Button();

    public MailTriageView(CatalogService catalog, ServiceSource services) {
        this.inbox = ServiceProxies.proxy(services, TicketInbox.class);
        setSizeFull();
        all.setId("triage-all");
        all.setLabel(tr.t("tkt.triage.all"));
        all.addValueChangeListener(e -> refresh());
        Button poll = new Button(tr.t("tkt.triage.poll"), e -> poll());
        poll.setId("triage-poll");
        grid.setId("triage-grid");
        grid.addColumn(i -> i.receivedAt() == null ? "" : i.receivedAt().toString().replace('T', ' ')
                .substring(0, 16)).setHeader(tr.t("tkt.triage.received")).setAutoWidth(true);
        grid.addColumn(i -> i.source().name()).setHeader(tr.t("tkt.triage.source")).setAutoWidth(true);
        grid.addColumn(InboxItem::sender).setHeader(tr.t("tkt.triage.from")).setAutoWidth(true);
        grid.addColumn(InboxItem::subject).setHeader(tr.t("tkt.triage.subject")).setFlexGrow(1);
        grid.addColumn(i -> i.status() + (i.ticketNumber() == null ? "" : " " + i.ticketNumber()))
                .setHeader(tr.t("tkt.triage.status")).setAutoWidth(true);
        grid.addColumn(InboxItem::note).setHeader(tr.t("tkt.triage.note")).setFlexGrow(1);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        body.setId("triage-body");
        body.getStyle().set("white-space", "pre-wrap").set("max-height", "12em").set("overflow", "auto");
        pos.setId("triage-pos");
        pos.setLabel(tr.t("tkt.triage.pos"));
        pos.setItems(catalog.pointsOfSale(caller, CatalogQuery.all()).items());
        pos.setItemLabelGenerator(p -> p.name() + (p.code() == null ? "" : " (" + p.code() + ")"));
        assign.setText(tr.t("tkt.triage.assign"));
        assign.setId("triage-assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.addClickListener(e -> assign());
        reason.setId("triage-reason");
        reason.setLabel(tr.t("tkt.triage.reason"));
        dismiss.setText(tr.t("tkt.triage.dismiss"));
        dismiss.setId("triage-dismiss");
        dismiss.addClickListener(e -> dismiss());
        HorizontalLayout actions = new HorizontalLayout(pos, assign, reason, dismiss);
        actions.setAlignItems(Alignment.BASELINE);
        add(new H2(getPageTitle()), new HorizontalLayout(poll, all), status, grid, body, actions);
        expand(grid);
        show(null);
        refresh();
    }

    private void refresh() {
        status.attempt(() -> grid.setItems(inbox.list(caller, !all.getValue(), PageRequest.first(200)).items()));
    }

    private void show(InboxItem item) {
        boolean triage = item != null && item.status() == InboxStatus.TRIAGE;
        body.setText(item == null ? "" : item.subject() + "\n\n" + (item.body() == null ? "" : item.body()));
        assign.setEnabled(triage);
        dismiss.setEnabled(triage);
    }

    private void poll() {
        status.attempt(() -> {
            MailPollResult r = inbox.poll(caller);
            refresh();
            status.ok(tr.t("tkt.triage.polled", r.read(), r.tickets(), r.replies(), r.triage()));
        });
    }

    private void assign() {
        InboxItem item = grid.asSingleSelect().getValue();
        if (item == null || pos.getValue() == null) {
            status.attempt(() -> {
                throw new org.coffeecontrol.api.ValidationException("pos", tr.t("tkt.triage.choosePos"));
            });
            return;
        }
        status.attempt(() -> {
            Ticket t = inbox.assign(caller, item.id(), pos.getValue().id(), null);
            refresh();
            status.ok(tr.t("tkt.triage.assigned", t.number()));
        });
    }

    private void dismiss() {
        InboxItem item = grid.asSingleSelect().getValue();
        if (item != null && status.attempt(() -> inbox.dismiss(caller, item.id(), reason.getValue()))) {
            refresh();
            status.ok(tr.t("tkt.triage.dismissed"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.mailTriage");
    }
}
