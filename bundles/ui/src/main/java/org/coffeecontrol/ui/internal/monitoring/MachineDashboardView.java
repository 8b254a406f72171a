package org.coffeecontrol.ui.internal.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.monitoring.api.DrinksSold;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.Scope;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

/**
 * The machine dashboard (MON-6): state, errors and problems, last drinks, sensor levels, counters and versions of
 * one machine, refreshed by server push. The remote-control page of the machine ({@code machine/<id>/remote}) is
 * one click away.
 * <p>
 * Element ids: {@code machine-title}, {@code machine-status}, {@code machine-state}, {@code machine-errors},
 * {@code machine-drinks}, {@code machine-sensors}, {@code machine-counters}, {@code machine-versions},
 * {@code machine-remote-link}, {@code machine-pos-link}, {@code machine-refreshed} (time of the last refresh),
 * {@code monitoring-error}.
 */
@Route(value = "monitoring/machine", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.MANAGER, Role.ENGINEER, Role.CLIENT })
@StyleSheet("context://coffee/monitoring.css")
public class MachineDashboardView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient MonitoringService monitoring;
    private final transient CatalogService catalog;
    private ZoneId zone;
    private final FlexLayout cards = new FlexLayout();
    private final Span status = new Span();
    private final Span refreshed = new Span();
    private Equipment equipment;
    private String title;

    public MachineDashboardView(ServiceSource services, CatalogService catalog) {
        this.monitoring = Monitoring.service(services);
        this.catalog = catalog;
        this.zone = monitoring.zone();
        this.title = getTranslation("mon.machine.title");
        setSizeFull();
        status.setId("machine-status");
        refreshed.setId("machine-refreshed");
        refreshed.addClassName("mon-sub");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.setWidthFull();
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        LiveTicker.whileAttached(this, this::refresh);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        equipment = null;
        try {
            equipment = catalog.equipment(UiSession.require(), id == null ? -1 : id);
        } catch (NotFoundException e) {
            Span error = new Span(getTranslation("error.notFound"));
            error.setId("monitoring-error");
            title = error.getText();
            add(error);
            return;
        }
        title = equipment.serialNumber();
        zone = Monitoring.zoneOf(monitoring.posZones(UiSession.require()), monitoring.zone(), equipment.posId());
        H2 heading = new H2(equipment.serialNumber());
        heading.setId("machine-title");
        heading.addClassName("view-title");
        Button remote = new Button(getTranslation("mon.machine.remote"), VaadinIcon.TERMINAL.create(),
                e -> UI.getCurrent().navigate("machine/" + equipment.id() + "/remote"));
        remote.setId("machine-remote-link");
        HorizontalLayout head = new HorizontalLayout(heading, status, refreshed);
        if (equipment.posId() != null) {
            long pos = equipment.posId();
            Button posLink = new Button(getTranslation("mon.machine.pos"),
                    e -> UI.getCurrent().navigate(PosMonitorView.class, pos));
            posLink.setId("machine-pos-link");
            posLink.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            head.add(posLink);
        }
        head.add(remote);
        head.setAlignItems(Alignment.CENTER);
        head.setWidthFull();
        add(head, cards);
        refresh();
    }

    private void refresh() {
        if (equipment == null) {
            return;
        }
        Caller caller = UiSession.require();
        MachineState s;
        try {
            s = monitoring.machine(caller, equipment.id());
        } catch (CoffeeException e) {
            return;
        }
        status.removeAll();
        status.add(Monitoring.badge(s.status(), getTranslation(Monitoring.labelKey(s.status()))));
        cards.removeAll();
        cards.add(stateCard(s), errorsCard(s), drinksCard(caller, s), sensorsCard(s), countersCard(s),
                versionsCard(s));
        refreshed.setText(getTranslation("mon.machine.refreshed", Monitoring.time(Instant.now(), zone)));
    }

    private Div stateCard(MachineState s) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(getTranslation("mon.pos.zone"), zone.getId());
        rows.put(getTranslation("mon.col.onlineState"), getTranslation(s.online() ? "mon.online.yes" : "mon.online.no"));
        rows.put(getTranslation("mon.machine.since"), Monitoring.time(s.since(), zone));
        rows.put(getTranslation("mon.col.lastSeen"), Monitoring.time(s.lastSeen(), zone));
        rows.put(getTranslation("mon.machine.lastEvent"), Monitoring.time(s.lastEventTime(), zone));
        if (s.lastCleaning() != null) {
            rows.put(getTranslation("mon.machine.lastCleaning"), s.lastCleaning().program() + ", "
                    + Monitoring.time(s.lastCleaning().start(), zone) + (s.lastCleaning().completed() ? ""
                            : " (" + getTranslation("mon.machine.incomplete") + ")"));
        }
        return card("machine-state", "mon.machine.state", keyValues(rows));
    }

    private Div errorsCard(MachineState s) {
        Map<String, String> rows = new LinkedHashMap<>();
        s.errors().forEach(e -> rows.put(e.code(), Objects.toString(e.text(), "") + " (" + e.severity() + ", "
                + getTranslation("mon.machine.sinceTime", Monitoring.time(e.since(), zone)) + ")"));
        for (Problem p : s.openProblems()) {
            rows.put(getTranslation("mon.problem.kind." + p.kind().name()) + (p.code() == null ? "" : " " + p.code()),
                    Monitoring.duration(p.duration(Instant.now())));
        }
        Component body = rows.isEmpty() ? new Span(getTranslation("mon.machine.noErrors")) : keyValues(rows);
        return card("machine-errors", "mon.machine.errors", body);
    }

    private Div drinksCard(Caller caller, MachineState s) {
        Map<String, String> rows = new LinkedHashMap<>();
        if (s.lastDrink() != null) {
            rows.put(getTranslation("mon.machine.lastDrink"), s.lastDrink().product()
                    + (s.lastDrink().sizeMl() == null ? "" : " " + s.lastDrink().sizeMl() + " ml") + ", "
                    + Monitoring.time(s.lastDrink().at(), zone));
        }
        LocalDate today = LocalDate.now(zone);
        DrinksSold sold = monitoring.drinks(caller, Scope.equipment(s.equipmentId()), today, today);
        sold.products().forEach(p -> rows.put(p.product(), Long.toString(p.count())));
        rows.put(getTranslation("mon.drinks.totalToday"), Long.toString(sold.total()));
        return card("machine-drinks", "mon.machine.drinks", keyValues(rows));
    }

    private Div sensorsCard(MachineState s) {
        return card("machine-sensors", "mon.machine.sensors", readings(s.sensors()));
    }

    private Div countersCard(MachineState s) {
        return card("machine-counters", "mon.machine.counters", readings(s.counters()));
    }

    private Div versionsCard(MachineState s) {
        Map<String, String> rows = new TreeMap<>(equipment.firmware());
        s.counters().forEach((k, v) -> {
            if (k.contains("ver")) {
                rows.put(k, v.text() != null ? v.text() : String.valueOf(v.value()));
            }
        });
        return card("machine-versions", "mon.machine.versions", keyValues(rows));
    }

    private Component readings(Map<String, MachineState.Reading> readings) {
        Map<String, String> rows = new TreeMap<>();
        readings.forEach((k, r) -> rows.put(k, (r.text() != null ? r.text()
                : r.value() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", r.value()))
                + (r.unit() == null ? "" : " " + r.unit())));
        return keyValues(rows);
    }

    private Div card(String id, String titleKey, Component body) {
        Div card = new Div(new H4(getTranslation(titleKey)), body);
        card.setId(id);
        card.addClassName("mon-card");
        card.getStyle().set("flex", "1 1 18em");
        return card;
    }

    /** A two-column list of labels and values; empty values are left out. */
    static Component keyValues(Map<String, String> rows) {
        DescriptionList list = new DescriptionList();
        list.addClassName("mon-kv");
        rows.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                list.add(new DescriptionList.Term(k), new DescriptionList.Description(v));
            }
        });
        return list;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
