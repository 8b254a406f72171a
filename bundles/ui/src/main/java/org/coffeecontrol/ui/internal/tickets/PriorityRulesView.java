package org.coffeecontrol.ui.internal.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.PriorityRule;
import org.coffeecontrol.tickets.api.QueueItem;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;
import org.coffeecontrol.ui.internal.tickets.sources.Status;

/**
 * TKT-3: the managers' priority rules of the operator queue, and below them the queue as these rules order it now,
 * read again after every change so the manager sees its effect at once. Everybody who may read the rules (operators,
 * service administrators, managers) sees both; only managers (and admins) get the buttons, as the ticket service
 * decides. Element ids: {@code priority-rules-grid}, {@code priority-rule-add}, per rule
 * {@code priority-rule-edit-<id>} and {@code priority-rule-delete-<id>}, the confirmation
 * {@code priority-rule-confirm} with {@code priority-rule-confirm-yes}; the form dialog {@code priority-rule-dialog}
 * with {@code priority-rule-name}, {@code -points}, {@code -clientId}, {@code -category}, {@code -slaLevel},
 * {@code -minAgeMinutes}, {@code priority-rule-save}, {@code priority-rule-cancel}; the outcome of the last change
 * {@code priority-rules-status} ({@code data-state} ok or error); the preview {@code priority-preview-grid}, where
 * each ticket's number is {@code priority-preview-<number>} with {@code data-rank} (1 = first in the queue) and
 * {@code data-priority}; {@code priority-refresh}.
 */
@Route(value = "tickets/priorities", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.MANAGER })
public class PriorityRulesView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    /** A ticket of the preview with its place in the queue. */
    private record Ranked(int rank, QueueItem item) {
    }

    private final TicketServices services;
    private final transient CatalogService catalog;
    private final Tr tr = this::getTranslation;
    private final Grid<PriorityRule> rules = new Grid<>();
    private final Grid<Ranked> preview = new Grid<>();
    private final Status status = new Status("priority-rules-status", tr);
    private final Map<Long, String> clientNames = new HashMap<>();
    private final Map<Long, String> posNames = new HashMap<>();
    private final FormDialog<PriorityRule> dialog;

    public PriorityRulesView(ServiceSource source, CatalogService catalog) {
        services = new TicketServices(source);
        this.catalog = catalog;
        boolean editable = mayEdit(UiSession.require());
        setSizeFull();
        dialog = new FormDialog<>("priority-rule", new PriorityRuleForm(tr, catalog, UiSession::require), tr,
                r -> services.tickets.savePriorityRule(UiSession.require(), r), this::saved, status);

        Button refresh = new Button(getTranslation("tickets.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("priority-refresh");
        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("tickets.rules.title")), refresh);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (editable) {
            Button add = new Button(getTranslation("tickets.rules.add"), VaadinIcon.PLUS.create(),
                    e -> dialog.edit(getTranslation("tickets.rules.new"), null));
            add.setId("priority-rule-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(add);
        }
        bar.getStyle().set("flex-wrap", "wrap");
        add(bar, status);

        rules.setId("priority-rules-grid");
        rules.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        String any = getTranslation("tickets.rules.any");
        rules.addColumn(PriorityRule::name).setHeader(getTranslation("field.name")).setFlexGrow(2);
        rules.addColumn(r -> r.clientId() == null ? any : clientName(r.clientId()))
                .setHeader(getTranslation("field.client")).setFlexGrow(2);
        rules.addColumn(r -> r.category() == null ? any : r.category()).setHeader(getTranslation("tickets.category"))
                .setAutoWidth(true);
        rules.addColumn(r -> r.slaLevel() == null ? any : r.slaLevel()).setHeader(getTranslation("tickets.rules.sla"))
                .setAutoWidth(true);
        rules.addColumn(r -> r.minAgeMinutes() == null ? any : String.valueOf(r.minAgeMinutes()))
                .setHeader(getTranslation("tickets.rules.minAge")).setAutoWidth(true);
        rules.addColumn(PriorityRule::points).setHeader(getTranslation("tickets.rules.points")).setAutoWidth(true);
        if (editable) {
            rules.addComponentColumn(this::ruleActions).setAutoWidth(true).setFlexGrow(0);
        }
        rules.setHeight("16rem");

        preview.setId("priority-preview-grid");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT);
        preview.addComponentColumn(this::number).setHeader(getTranslation("tickets.number")).setAutoWidth(true);
        preview.addColumn(r -> r.item().priority()).setHeader(getTranslation("tickets.priority")).setAutoWidth(true);
        preview.addColumn(r -> String.join(", ", r.item().rules())).setHeader(getTranslation("tickets.rules.matched"))
                .setFlexGrow(1);
        preview.addColumn(r -> clientName(r.item().ticket().clientId())).setHeader(getTranslation("field.client"))
                .setFlexGrow(1);
        preview.addColumn(r -> posName(r.item().ticket().posId())).setHeader(getTranslation("tickets.rules.posSla"))
                .setFlexGrow(1);
        preview.addColumn(r -> TicketServices.text(r.item().ticket().category()))
                .setHeader(getTranslation("tickets.category")).setAutoWidth(true);
        preview.addColumn(r -> TicketServices.time(r.item().ticket().createdAt()))
                .setHeader(getTranslation("tickets.createdAt")).setAutoWidth(true);
        preview.addColumn(r -> r.item().ticket().reason()).setHeader(getTranslation("tickets.reason")).setFlexGrow(2);
        add(rules, new H3(getTranslation("tickets.rules.preview")),
                new Paragraph(getTranslation("tickets.rules.previewHelp")), preview);
        expand(preview);
        refresh();
    }

    /** Mirrors the ticket service's check: a button the service would refuse is a dead end. */
    static boolean mayEdit(Caller caller) {
        return caller.has(Role.ADMIN) || caller.has(Role.MANAGER);
    }

    private HorizontalLayout ruleActions(PriorityRule r) {
        Button edit = new Button(getTranslation("tickets.rules.edit"),
                e -> dialog.edit(getTranslation("tickets.rules.item", r.name()), r));
        edit.setId("priority-rule-edit-" + r.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button(getTranslation("action.delete"), e -> confirmDelete(r));
        delete.setId("priority-rule-delete-" + r.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void confirmDelete(PriorityRule r) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("priority-rule-confirm");
        confirm.setHeader(getTranslation("confirm.delete.title"));
        confirm.setText(getTranslation("confirm.delete.text", r.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        Button yes = new Button(getTranslation("action.delete"), e -> {
            confirm.close();
            if (status.attempt(() -> services.tickets.deletePriorityRule(UiSession.require(), r.id()))) {
                status.ok(getTranslation("notice.deleted", r.name()));
            }
            refresh();
        });
        yes.setId("priority-rule-confirm-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setConfirmButton(yes);
        confirm.open();
    }

    private void saved(PriorityRule r) {
        if (r != null) {
            status.ok(getTranslation("notice.saved", r.name()));
        }
        refresh();
    }

    private Span number(Ranked r) {
        Span s = new Span(r.item().ticket().number());
        s.setId("priority-preview-" + r.item().ticket().number());
        s.getElement().setAttribute("data-rank", String.valueOf(r.rank()));
        s.getElement().setAttribute("data-priority", String.valueOf(r.item().priority()));
        return s;
    }

    /** The rules, then the queue they produce. */
    private void refresh() {
        Caller caller = UiSession.require();
        clientNames.clear();
        posNames.clear();
        rules.setItems(services.tickets.priorityRules(caller));
        List<QueueItem> queue = services.tickets.queue(caller);
        List<Ranked> ranked = new ArrayList<>(queue.size());
        for (QueueItem q : queue) {
            ranked.add(new Ranked(ranked.size() + 1, q));
        }
        preview.setItems(ranked);
    }

    /** A client the user may not see keeps its id only: its name is not his to read. */
    private String clientName(Long id) {
        if (id == null) {
            return "";
        }
        return clientNames.computeIfAbsent(id, i -> {
            try {
                return catalog.client(UiSession.require(), i).name();
            } catch (NotFoundException e) {
                return "#" + i;
            }
        });
    }

    /** The POS with its SLA level, which rules may match on. */
    private String posName(Long id) {
        if (id == null) {
            return "";
        }
        return posNames.computeIfAbsent(id, i -> {
            try {
                PointOfSale pos = catalog.pointOfSale(UiSession.require(), i);
                return pos.slaLevel() == null ? pos.name() : pos.name() + " (" + pos.slaLevel() + ")";
            } catch (NotFoundException e) {
                return "#" + i;
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.rules.title");
    }
}
