package org.coffeecontrol.ui.internal.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.monitoring.api.DrinksSold;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.PosOverview;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.monitoring.api.Scope;
import org.coffeecontrol.monitoring.api.Uptime;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;
import org.coffeecontrol.ui.internal.web.UiSettings;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * The monitoring centre's overview (MON-3): the map of points of sale coloured by their worst machine, the station
 * list with the same legend, the detected problems, drinks sold and uptime; refreshed by server push.
 * <p>
 * Element ids for browser tests: {@code overview-map}, {@code overview-legend} with {@code legend-<STATUS>},
 * {@code station-search}, {@code station-status-filter}, {@code station-grid} (rows carry the POS name),
 * {@code problem-grid}, {@code problems-all}, {@code drinks-period}, {@code drinks-grid}, {@code drinks-total},
 * {@code uptime-value}.
 */
@Route(value = "monitoring", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.MANAGER, Role.ENGINEER, Role.CLIENT })
@StyleSheet("context://coffee/monitoring.css")
public class OverviewView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private enum Period { TODAY, WEEK, MONTH }

    private final transient MonitoringService monitoring;
    private final transient CatalogService catalog;
    private final PosMap map;
    private final List<PosOverview> stations = new ArrayList<>();
    private final ListDataProvider<PosOverview> stationData = new ListDataProvider<>(stations);
    private final Map<Long, PosOverview> byId = new HashMap<>();
    private final Grid<Problem> problems = new Grid<>();
    /** Own zones of the visible POS, for the problems' start times; reloaded with the problems. */
    private Map<Long, ZoneId> zones = Map.of();
    private final Checkbox allProblems = new Checkbox();
    private final Grid<DrinksSold.ProductCount> drinks = new Grid<>();
    private final Span drinksTotal = new Span();
    private final Span uptime = new Span();
    private final Span uptimeDetail = new Span();
    private final Select<Period> period = new Select<>();
    private final Select<MachineStatus> statusFilter = new Select<>();
    private final TextField search = new TextField();
    /** Whether the station list and the cards are there (they follow the map's first paint). */
    private boolean listed;
    /** POS ids the catalogue search (IP, serial, ...) found for the current search term; null without a term. */
    private Set<Long> searchHits;

    public OverviewView(ServiceSource services, CatalogService catalog, UiSettings settings,
            OverviewMarkers markers) {
        this.monitoring = Monitoring.service(services);
        this.catalog = catalog;
        setSizeFull();
        H2 title = new H2(getTranslation("mon.overview.title"));
        title.addClassName("view-title");

        map = new PosMap("overview-map", settings.tileUrl(), markers, this::openPos);
        VerticalLayout mapColumn = new VerticalLayout(map, legend());
        mapColumn.setPadding(false);
        mapColumn.setSpacing(false);
        mapColumn.setFlexGrow(1, map);
        mapColumn.setHeightFull();

        VerticalLayout listColumn = new VerticalLayout();
        listColumn.setPadding(false);
        listColumn.setHeightFull();

        HorizontalLayout top = new HorizontalLayout(mapColumn, listColumn);
        top.setWidthFull();
        top.setHeight("55vh");
        top.setFlexGrow(3, mapColumn);
        top.setFlexGrow(2, listColumn);

        HorizontalLayout bottom = new HorizontalLayout();
        bottom.setWidthFull();
        bottom.getStyle().set("flex-wrap", "wrap");
        add(title, top, bottom);

        // The first response holds the map and its legend only. The station list and the cards (three grids the
        // browser builds and lays out) and their data (uptime over the whole fleet from the database) follow once
        // the browser has drawn the markers, instead of competing with the map's first paint on the server and in
        // the browser; reading the stations then also recolours what changed since the browser's snapshot.
        map.afterMarkersShown(() -> {
            listColumn.add(stationFilters(), stationGrid());
            bottom.add(problemsCard(), drinksCard(), uptimeCard());
            listed = true;
            refresh();
        });
        LiveTicker.whileAttached(this, () -> {
            if (listed) {
                refresh();
            }
        });
    }

    private void refresh() {
        refreshStations();
        refreshProblems();
        refreshFigures();
    }

    private Div legend() {
        Div legend = new Div();
        legend.setId("overview-legend");
        legend.addClassName("mon-legend");
        for (MachineStatus s : legendOrder()) {
            Span b = Monitoring.badge(s, getTranslation(Monitoring.labelKey(s)));
            b.setId("legend-" + s.name());
            legend.add(b);
        }
        return legend;
    }

    private static List<MachineStatus> legendOrder() {
        return List.of(MachineStatus.OK, MachineStatus.PROBLEM, MachineStatus.NOT_ONLINE, MachineStatus.CLOSED);
    }

    private HorizontalLayout stationFilters() {
        search.setId("station-search");
        search.setPlaceholder(getTranslation("mon.station.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            searchHits = catalogueMatches(e.getValue());
            stationData.refreshAll();
        });
        statusFilter.setId("station-status-filter");
        statusFilter.setItems(legendOrder());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("mon.station.allStates"));
        statusFilter.setItemLabelGenerator(s -> s == null ? getTranslation("mon.station.allStates")
                : getTranslation(Monitoring.labelKey(s)));
        statusFilter.addValueChangeListener(e -> stationData.refreshAll());
        stationData.setFilter(this::matches);
        HorizontalLayout filters = new HorizontalLayout(search, statusFilter);
        filters.setWidthFull();
        filters.expand(search);
        return filters;
    }

    private Grid<PosOverview> stationGrid() {
        Grid<PosOverview> grid = new Grid<>();
        grid.setId("station-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(p -> Monitoring.badge(p.status(), getTranslation(Monitoring.labelKey(p.status()))))
                .setHeader(getTranslation("mon.col.state")).setAutoWidth(true).setFlexGrow(0)
                .setComparator(PosOverview::status);
        grid.addColumn(PosOverview::name).setHeader(getTranslation("mon.col.pos")).setFlexGrow(2).setSortable(true);
        grid.addColumn(PosOverview::code).setHeader(getTranslation("mon.col.code")).setAutoWidth(true);
        grid.addColumn(p -> p.online() + " / " + p.machines()).setHeader(getTranslation("mon.col.online"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PosOverview::openProblems).setHeader(getTranslation("mon.col.problems")).setAutoWidth(true)
                .setFlexGrow(0).setSortable(true);
        grid.setItems(stationData);
        grid.addItemClickListener(e -> openPos(e.getItem().posId()));
        grid.setHeightFull();
        return grid;
    }

    private boolean matches(PosOverview p) {
        MachineStatus wanted = statusFilter.getValue();
        if (wanted != null && p.status() != wanted) {
            return false;
        }
        String term = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        if (term.isEmpty()) {
            return true;
        }
        return contains(p.name(), term) || contains(p.code(), term) || Long.toString(p.posId()).equals(term)
                || (searchHits != null && searchHits.contains(p.posId()));
    }

    private static boolean contains(String s, String term) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(term);
    }

    /** The catalogue's search (CAT-5) finds machines by serial and IP; their POS match the term. */
    private Set<Long> catalogueMatches(String term) {
        if (term == null || term.isBlank()) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        for (SearchHit h : catalog.search(UiSession.require(), term.strip(), 100)) {
            if (h.kind() == SearchHit.Kind.POS) {
                ids.add(h.id());
            } else if (h.kind() == SearchHit.Kind.EQUIPMENT && h.posId() != null) {
                ids.add(h.posId());
            }
        }
        return ids;
    }

    private Div problemsCard() {
        Div card = card("mon.problems.title");
        card.setId("problems-card");
        problems.setId("problem-grid");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT);
        problems.addColumn(p -> Monitoring.time(p.start(), Monitoring.zoneOf(zones, monitoring.zone(), p.posId()))).setHeader(getTranslation("mon.col.start"))
                .setAutoWidth(true);
        problems.addColumn(p -> posName(p.posId())).setHeader(getTranslation("mon.col.pos")).setFlexGrow(2);
        problems.addColumn(Problem::serialNumber).setHeader(getTranslation("mon.col.machine")).setAutoWidth(true);
        problems.addColumn(p -> p.code() == null ? getTranslation("mon.problem.kind." + p.kind().name())
                : p.code() + " " + (p.text() == null ? "" : p.text())).setHeader(getTranslation("mon.col.problem"))
                .setFlexGrow(2);
        problems.addColumn(p -> Monitoring.duration(p.duration(Instant.now()))
                + (p.open() ? "" : " (" + getTranslation("mon.problem.closed") + ")"))
                .setHeader(getTranslation("mon.col.duration")).setAutoWidth(true);
        problems.addItemClickListener(e -> UI.getCurrent().navigate(MachineDashboardView.class,
                e.getItem().equipmentId()));
        problems.setHeight("16em");
        allProblems.setId("problems-all");
        allProblems.setLabel(getTranslation("mon.problems.all"));
        allProblems.addValueChangeListener(e -> refreshProblems());
        card.add(allProblems, problems);
        card.getStyle().set("flex", "3 1 28em");
        return card;
    }

    private String posName(Long posId) {
        PosOverview p = posId == null ? null : byId.get(posId);
        return p == null ? "" : p.name();
    }

    private Div drinksCard() {
        Div card = card("mon.drinks.title");
        period.setId("drinks-period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("mon.period." + p.name()));
        period.setValue(Period.TODAY);
        period.addValueChangeListener(e -> refreshFigures());
        drinks.setId("drinks-grid");
        drinks.addThemeVariants(GridVariant.LUMO_COMPACT);
        drinks.addColumn(DrinksSold.ProductCount::product).setHeader(getTranslation("mon.col.product")).setFlexGrow(2);
        drinks.addColumn(DrinksSold.ProductCount::count).setHeader(getTranslation("mon.col.count")).setAutoWidth(true);
        drinks.setHeight("13em");
        drinksTotal.setId("drinks-total");
        HorizontalLayout total = new HorizontalLayout(new Span(getTranslation("mon.drinks.total")), drinksTotal);
        total.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        card.add(period, drinks, total);
        card.getStyle().set("flex", "2 1 18em");
        return card;
    }

    private Div uptimeCard() {
        Div card = card("mon.uptime.title");
        uptime.setId("uptime-value");
        uptime.addClassName("mon-figure");
        uptimeDetail.addClassName("mon-sub");
        card.add(uptime, new Div(uptimeDetail));
        card.getStyle().set("flex", "1 1 12em");
        return card;
    }

    private Div card(String titleKey) {
        Div card = new Div(new H4(getTranslation(titleKey)));
        card.addClassName("mon-card");
        return card;
    }

    private void refreshStations() {
        List<PosOverview> all = monitoring.overview(UiSession.require());
        stations.clear();
        stations.addAll(all);
        byId.clear();
        all.forEach(p -> byId.put(p.posId(), p));
        stationData.refreshAll();
        map.update(all);
    }

    private void refreshProblems() {
        zones = monitoring.posZones(UiSession.require());
        problems.setItems(monitoring.problems(UiSession.require(), new ProblemQuery(null, null, null,
                !allProblems.getValue(), PageRequest.first(200))).items());
    }

    private void refreshFigures() {
        Caller caller = UiSession.require();
        LocalDate to = LocalDate.now(monitoring.zone());
        LocalDate from = switch (period.getValue() == null ? Period.TODAY : period.getValue()) {
            case TODAY -> to;
            case WEEK -> to.minusDays(6);
            case MONTH -> to.minusDays(29);
        };
        DrinksSold sold = monitoring.drinks(caller, Scope.fleet(), from, to);
        drinks.setItems(sold.products());
        drinksTotal.setText(Long.toString(sold.total()));
        Uptime u = monitoring.uptime(caller, Scope.fleet(), from, to);
        uptime.setText(percent(u.percent()));
        uptimeDetail.setText(getTranslation("mon.uptime.detail", u.machines(), u.downMinutes(), u.openMinutes()));
    }

    static String percent(Double p) {
        return p == null ? "–" : String.format(Locale.ROOT, "%.1f %%", p);
    }

    private void openPos(long posId) {
        UI.getCurrent().navigate(PosMonitorView.class, posId);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mon.overview.title");
    }
}
