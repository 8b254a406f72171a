package org.coffeecontrol.ui.internal.tickets;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.Mechanic;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;
import org.coffeecontrol.ui.internal.tickets.sources.Status;

/**
 * TKT-4: the mechanics dispatch knows (every enabled user with the ENGINEER role) with what their cards hold: home
 * coordinates, working days and hours (empty = the platform's defaults), the number of open tickets that makes
 * them busy, and whether they take tickets at all. Operators, service administrators and managers read it; the
 * dispatch service lets service administrators (and admins) edit a card. Element ids: {@code mechanics-filter},
 * {@code mechanics-grid}, per mechanic {@code mechanic-edit-<username>}; the dialog {@code mechanic-dialog} with
 * {@code mechanic-displayName}, {@code -homeLatitude}, {@code -homeLongitude}, {@code -workDays},
 * {@code -workStart}, {@code -workEnd}, {@code -maxOpen}, {@code -active}, {@code mechanic-save},
 * {@code mechanic-cancel}; {@code mechanics-status}.
 */
@Route(value = "tickets/mechanics", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.MANAGER })
public class MechanicsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final TicketServices services;
    private final Tr tr = this::getTranslation;
    private final Grid<Mechanic> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Status status = new Status("mechanics-status", tr);
    private final FormDialog<Mechanic> dialog;
    private List<Mechanic> mechanics = List.of();

    public MechanicsView(ServiceSource source) {
        services = new TicketServices(source);
        Locale locale = getLocale();
        boolean editable = mayEdit(UiSession.require());
        setSizeFull();
        dialog = new FormDialog<>("mechanic", new MechanicForm(tr, locale), tr,
                m -> services.dispatch.saveMechanic(UiSession.require(), m), this::saved, status);
        filter.setId("mechanics-filter");
        filter.setPlaceholder(getTranslation("grid.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> show());
        HorizontalLayout bar = new HorizontalLayout(new H2(getTranslation("tickets.mechanics.title")), filter);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        add(bar, status);

        String defaults = getTranslation("tickets.mechanics.default");
        grid.setId("mechanics-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Mechanic::username).setHeader(getTranslation("tickets.mechanic")).setAutoWidth(true);
        grid.addColumn(m -> TicketServices.text(m.displayName()))
                .setHeader(getTranslation("tickets.mechanics.displayName")).setFlexGrow(1);
        grid.addColumn(m -> m.homeLatitude() == null ? "" : String.format(Locale.ROOT, "%.5f, %.5f",
                m.homeLatitude(), m.homeLongitude())).setHeader(getTranslation("tickets.mechanics.home"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.workDays().isEmpty() ? defaults : days(m, locale))
                .setHeader(getTranslation("tickets.mechanics.workDays")).setAutoWidth(true);
        grid.addColumn(m -> m.workStart() == null ? defaults : m.workStart() + "–" + m.workEnd())
                .setHeader(getTranslation("tickets.mechanics.hours")).setAutoWidth(true);
        grid.addColumn(Mechanic::maxOpen).setHeader(getTranslation("tickets.mechanics.maxOpen")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation(m.active() ? "tickets.mechanics.yes" : "tickets.mechanics.no"))
                .setHeader(getTranslation("tickets.mechanics.active")).setAutoWidth(true);
        if (editable) {
            grid.addComponentColumn(m -> {
                Button edit = new Button(getTranslation("tickets.rules.edit"),
                        e -> dialog.edit(getTranslation("tickets.mechanics.item", m.username()), m));
                edit.setId("mechanic-edit-" + m.username());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return edit;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        add(grid);
        expand(grid);
        refresh();
    }

    /** Mirrors the dispatch service's check: a button the service would refuse is a dead end. */
    static boolean mayEdit(Caller caller) {
        return caller.has(Role.ADMIN) || caller.has(Role.SERVICE_ADMIN);
    }

    private static String days(Mechanic m, Locale locale) {
        return m.workDays().stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                .collect(Collectors.joining(" "));
    }

    private void saved(Mechanic m) {
        if (m != null) {
            status.ok(getTranslation("notice.saved", m.username()));
        }
        refresh();
    }

    private void refresh() {
        mechanics = services.dispatch.mechanics(UiSession.require());
        show();
    }

    private void show() {
        String f = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(mechanics.stream().filter(m -> f.isEmpty() || m.username().toLowerCase(Locale.ROOT).contains(f)
                || (m.displayName() != null && m.displayName().toLowerCase(Locale.ROOT).contains(f))).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tickets.mechanics.title");
    }
}
