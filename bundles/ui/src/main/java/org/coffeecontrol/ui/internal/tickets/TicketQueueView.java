package org.coffeecontrol.ui.internal.tickets;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.QueueItem;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

/**
 * TKT-3: the operator queue, highest priority first, then by arrival. Element ids for browser tests:
 * {@code queue-grid}, per ticket {@code queue-take-<number>}, {@code queue-resolve-<number>},
 * {@code queue-escalate-<number>}, {@code queue-cancel-<number>}, {@code queue-open-<number>}; the text dialog
 * {@code queue-dialog} with {@code queue-dialog-text} and {@code queue-dialog-ok}; {@code queue-refresh}; the
 * outcome of the last action {@code queue-status} ({@code data-state} ok or error).
 * <p>
 * After every action, done or refused, the dialog closes and the queue is read again, so the operator always sees
 * the queue as it is now (a ticket another operator took meanwhile shows as taken by him). A browser test must ask
 * whether a ticket's row is <em>shown</em>: when the grid shrinks, vaadin-grid hides its surplus row elements without
 * clearing them, so the buttons of a ticket that left the queue can linger, invisible, in the DOM.
 */
@Route(value = "tickets/queue", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.MANAGER })
public class TicketQueueView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final TicketServices services;
    private final Grid<QueueItem> grid = new Grid<>();
    private final Span status = new Span();

    public TicketQueueView(ServiceSource source) {
        services = new TicketServices(source);
        setSizeFull();
        Button refresh = new Button(getTranslation("tickets.refresh"), e -> refresh());
        refresh.setId("queue-refresh");
        add(new HorizontalLayout(new H2(getTranslation("tickets.queue.title")), refresh));
        status.setId("queue-status");
        add(status);
        grid.setId("queue-grid");
        grid.addColumn(q -> q.ticket().number()).setHeader(getTranslation("tickets.number")).setAutoWidth(true);
        grid.addColumn(QueueItem::priority).setHeader(getTranslation("tickets.priority")).setAutoWidth(true);
        grid.addColumn(q -> state(q.ticket())).setHeader(getTranslation("tickets.state")).setAutoWidth(true);
        grid.addColumn(q -> q.ticket().source()).setHeader(getTranslation("tickets.source")).setAutoWidth(true);
        grid.addColumn(q -> TicketServices.time(q.ticket().createdAt())).setHeader(getTranslation("tickets.createdAt"))
                .setAutoWidth(true);
        grid.addColumn(q -> q.ticket().reason()).setHeader(getTranslation("tickets.reason")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(grid);
        expand(grid);
        refresh();
    }

    private String state(Ticket t) {
        return t.state() == TicketState.IN_PROGRESS ? getTranslation("tickets.takenBy", t.handledBy())
                : getTranslation("tickets.state." + t.state());
    }

    private HorizontalLayout actions(QueueItem q) {
        Ticket t = q.ticket();
        HorizontalLayout row = new HorizontalLayout();
        row.add(button("take", t, () -> services.tickets.take(UiSession.require(), t.id(), t.version())));
        row.add(withText("resolve", t, "tickets.result", text -> services.tickets.resolveRemotely(UiSession.require(),
                t.id(), t.version(), text)));
        row.add(withText("escalate", t, "tickets.escalateReason", text -> services.tickets.escalate(
                UiSession.require(), t.id(), t.version(), text)));
        row.add(withText("cancel", t, "tickets.cancelReason", text -> services.tickets.transition(
                UiSession.require(), t.id(), t.version(), TicketState.CANCELLED, text)));
        Button open = new Button(getTranslation("tickets.open"), e -> UI.getCurrent().navigate("tickets/" + t.id()));
        open.setId("queue-open-" + t.number());
        row.add(open);
        return row;
    }

    private Button button(String action, Ticket t, Supplier<Ticket> work) {
        Button b = new Button(getTranslation("tickets.action." + action), e -> act(action, t, work));
        b.setId("queue-" + action + "-" + t.number());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    /** An action that needs a text (result, reason): asks for it in a dialog, then runs it. */
    private Button withText(String action, Ticket t, String labelKey, Function<String, Ticket> work) {
        Button b = new Button(getTranslation("tickets.action." + action), e -> {
            Dialog d = new Dialog();
            d.setId("queue-dialog");
            d.setHeaderTitle(t.number() + ": " + getTranslation("tickets.action." + action));
            TextArea text = new TextArea(getTranslation(labelKey));
            text.setId("queue-dialog-text");
            text.setWidthFull();
            Button ok = new Button(getTranslation("tickets.ok"), ev -> {
                d.close();
                act(action, t, () -> work.apply(text.getValue()));
            });
            ok.setId("queue-dialog-ok");
            ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            d.add(text);
            d.getFooter().add(new Button(getTranslation("tickets.back"), ev -> d.close()), ok);
            d.open();
        });
        b.setId("queue-" + action + "-" + t.number());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    /**
     * Runs one action and reads the queue again whatever came of it: a refusal (stale version, taken by another
     * operator, a missing reason) is shown in the status line and the queue shows why.
     */
    private void act(String action, Ticket t, Supplier<Ticket> work) {
        try {
            Ticket done = work.get();
            status.getElement().setAttribute("data-state", "ok");
            status.setText(getTranslation("tickets.queue.done", done.number(),
                    getTranslation("tickets.action." + action), getTranslation("tickets.state." + done.state())
                            + (done.fieldVisit() ? " · " + getTranslation("tickets.fieldVisit") : "")));
        } catch (ValidationException e) {
            failed(t.number() + ": " + e.field() + " " + e.detail());
        } catch (AccessDeniedException e) {
            failed(t.number() + ": " + getTranslation("error.accessDenied"));
        } catch (CoffeeException e) {
            failed(e.getMessage());
        } finally {
            refresh();
        }
    }

    private void failed(String text) {
        status.getElement().setAttribute("data-state", "error");
        status.setText(text);
    }

    private void refresh() {
        List<QueueItem> items = services.tickets.queue(UiSession.require());
        grid.setItems(items);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.queue.title");
    }
}
