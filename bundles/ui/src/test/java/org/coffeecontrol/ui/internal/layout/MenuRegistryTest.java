package org.coffeecontrol.ui.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.views.MainView;
import org.junit.jupiter.api.Test;

class MenuRegistryTest {

    private static Caller caller(Role... roles) {
        return new Caller("u", roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), false, Set.of(1L));
    }

    private static List<String> ids(Map<MenuSection, List<MenuEntry>> visible) {
        return visible.values().stream().flatMap(List::stream).map(MenuEntry::id).toList();
    }

    @Test
    void adminSeesEveryCoreEntry() {
        Map<MenuSection, List<MenuEntry>> v = MenuRegistry.standard().visible(caller(Role.ADMIN), s -> false);
        assertEquals(List.of("main", "clients", "regions", "models", "pos", "equipment"), ids(v));
        assertEquals(List.of(MenuSection.MAIN, MenuSection.CATALOGUES), List.copyOf(v.keySet()));
    }

    /** The reports section while the reports bundle runs (issue 7). */
    private static final List<String> REPORTS = List.of("report-drinks", "report-drinks-comparison", "report-connection",
            "report-cleaning", "report-downtime", "report-counters", "report-checklists", "report-sensors", "charts");

    private static List<String> plusReports(String... core) {
        List<String> out = new java.util.ArrayList<>(List.of(core));
        out.addAll(REPORTS);
        return out;
    }

    @Test
    void clientUserSeesOnlyItsPointsOfSaleAndEquipment() {
        // Monitoring too: its service shows a client only its own points of sale.
        // Then the reports, and the client's own tickets under Service.
        List<String> expected = plusReports("main", "monitoring", "pos", "equipment");
        expected.add("tickets-all");
        assertEquals(expected, ids(MenuRegistry.standard().visible(caller(Role.CLIENT), s -> true)));
    }

    @Test
    void financeHasNoCatalogues() {
        assertEquals(plusReports("main"), ids(MenuRegistry.standard().visible(caller(Role.FINANCE), s -> true)));
    }

    @Test
    void reportsAreForEveryoneButFieldEngineersAndOnlyWhileTheReportsBundleRuns() {
        assertEquals(List.of("main", "monitoring", "pos", "equipment", "tickets-mine"),
                ids(MenuRegistry.standard().visible(caller(Role.ENGINEER), s -> true)));
        assertEquals(List.of("main"), ids(MenuRegistry.standard().visible(caller(Role.FINANCE), s -> false)));
        assertEquals(plusReports("main"), ids(MenuRegistry.standard().visible(caller(Role.FINANCE),
                "org.coffeecontrol.reports.api.ReportService"::equals)));
    }

    @Test
    void featureEntriesFollowTheirServiceAndSectionsWithoutEntriesDisappear() {
        MenuRegistry registry = new MenuRegistry(List.of(
                new MenuEntry("main", MenuSection.MAIN, "menu.main", "", MainView.class, null),
                new MenuEntry("drinks", MenuSection.REPORTS, "menu.reports", "reports/drinks", MainView.class,
                        "org.coffeecontrol.reports.api.ReportService")));
        Caller manager = caller(Role.MANAGER);
        Map<MenuSection, List<MenuEntry>> without = registry.visible(manager, s -> false);
        assertFalse(without.containsKey(MenuSection.REPORTS));
        Map<MenuSection, List<MenuEntry>> with = registry.visible(manager,
                "org.coffeecontrol.reports.api.ReportService"::equals);
        assertEquals(List.of("drinks"), ids(Map.of(MenuSection.REPORTS, with.get(MenuSection.REPORTS))));
    }
}
