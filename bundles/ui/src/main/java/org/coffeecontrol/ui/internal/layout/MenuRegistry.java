package org.coffeecontrol.ui.internal.layout;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.catalog.ClientsView;
import org.coffeecontrol.ui.internal.catalog.EquipmentView;
import org.coffeecontrol.ui.internal.catalog.ModelsView;
import org.coffeecontrol.ui.internal.catalog.PosView;
import org.coffeecontrol.ui.internal.catalog.RegionsView;
import org.coffeecontrol.ui.internal.remote.RecipeDriftView;
import org.coffeecontrol.ui.internal.tickets.sources.CompletenessView;
import org.coffeecontrol.ui.internal.tickets.sources.MailTriageView;
import org.coffeecontrol.ui.internal.monitoring.OverviewView;
import org.coffeecontrol.ui.internal.reports.ChartsView;
import org.coffeecontrol.ui.internal.reports.ReportView;
import org.coffeecontrol.ui.internal.security.AccessRules;
import org.coffeecontrol.ui.internal.service.DeferredSqlView;
import org.coffeecontrol.ui.internal.service.PromoDistributionView;
import org.coffeecontrol.ui.internal.views.MainView;
import org.coffeecontrol.ui.internal.tickets.AuditPlanView;
import org.coffeecontrol.ui.internal.tickets.DispatchView;
import org.coffeecontrol.ui.internal.tickets.MechanicsView;
import org.coffeecontrol.ui.internal.tickets.MyTicketsView;
import org.coffeecontrol.ui.internal.tickets.PriorityRulesView;
import org.coffeecontrol.ui.internal.tickets.TicketQueueView;
import org.coffeecontrol.ui.internal.tickets.TicketsView;

/**
 * The left menu's entries. Adding a view of a feature area (reports, tickets, ...) means one more entry here with
 * the feature's service interface name as {@code requiredService}: the item then shows up when that bundle is
 * installed and disappears when it is removed, without a restart of the UI.
 */
public final class MenuRegistry implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final String REPORT_SERVICE = "org.coffeecontrol.reports.api.ReportService";

    private final List<MenuEntry> entries;

    public MenuRegistry(List<MenuEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** By name, so that this class loads without the tickets bundle. */
    private static final String TICKETS = "org.coffeecontrol.tickets.api.TicketService";

    public static MenuRegistry standard() {
        return new MenuRegistry(List.of(
                new MenuEntry("main", MenuSection.MAIN, "menu.main", "", MainView.class, null),
                new MenuEntry("monitoring", MenuSection.MAIN, "menu.monitoring", "monitoring", OverviewView.class,
                        "org.coffeecontrol.monitoring.api.MonitoringService"),
                new MenuEntry("clients", MenuSection.CATALOGUES, "menu.clients", "clients", ClientsView.class, null),
                new MenuEntry("regions", MenuSection.CATALOGUES, "menu.regions", "regions", RegionsView.class, null),
                new MenuEntry("models", MenuSection.CATALOGUES, "menu.models", "models", ModelsView.class, null),
                new MenuEntry("pos", MenuSection.CATALOGUES, "menu.pos", "pos", PosView.class, null),
                new MenuEntry("equipment", MenuSection.CATALOGUES, "menu.equipment", "equipment",
                        EquipmentView.class, null),
                new MenuEntry("recipe-drift", MenuSection.SERVICE, "menu.recipeDrift", "service/recipe-drift",
                        RecipeDriftView.class, "org.coffeecontrol.remote.api.RecipeService"),
                new MenuEntry("tickets-queue", MenuSection.SERVICE, "menu.tickets.queue", "tickets/queue",
                        TicketQueueView.class, TICKETS),
                new MenuEntry("tickets-dispatch", MenuSection.SERVICE, "menu.tickets.dispatch", "tickets/dispatch",
                        DispatchView.class, TICKETS),
                new MenuEntry("tickets-mine", MenuSection.SERVICE, "menu.tickets.mine", "tickets/mine",
                        MyTicketsView.class, TICKETS),
                new MenuEntry("tickets-all", MenuSection.SERVICE, "menu.tickets.all", "tickets",
                        TicketsView.class, TICKETS),
                new MenuEntry("tickets-audits", MenuSection.SERVICE, "menu.tickets.audits", "tickets/audits",
                        AuditPlanView.class, TICKETS),
                new MenuEntry("tickets-priorities", MenuSection.SERVICE, "menu.tickets.priorities",
                        "tickets/priorities", PriorityRulesView.class, TICKETS),
                new MenuEntry("tickets-mechanics", MenuSection.SERVICE, "menu.tickets.mechanics", "tickets/mechanics",
                        MechanicsView.class, TICKETS),
                new MenuEntry("mail-triage", MenuSection.SERVICE, "menu.mailTriage", "service/mail-triage",
                        MailTriageView.class, "org.coffeecontrol.tickets.api.TicketInbox"),
                new MenuEntry("completeness", MenuSection.SERVICE, "menu.completeness", "service/completeness",
                        CompletenessView.class, "org.coffeecontrol.tickets.api.CompletenessCheck"),
                new MenuEntry("promo", MenuSection.SERVICE, "menu.promo", "service/promo",
                        PromoDistributionView.class, "org.coffeecontrol.remote.api.PromoService"),
                new MenuEntry("deferred-sql", MenuSection.SERVICE, "menu.deferredSql", "service/deferred-sql",
                        DeferredSqlView.class, "org.coffeecontrol.remote.api.DeferredSqlService"),
                report("drinks"), report("drinks-comparison"), report("connection"), report("cleaning"),
                report("downtime"), report("counters"), report("checklists"), report("sensors"),
                new MenuEntry("charts", MenuSection.REPORTS, "menu.charts", "charts", ChartsView.class,
                        REPORT_SERVICE)));
    }

    /** Reports (issue 7): one entry per report of the reports bundle, shown while that bundle runs. */
    private static MenuEntry report(String id) {
        return new MenuEntry("report-" + id, MenuSection.REPORTS, "menu.report." + id, "reports/" + id,
                ReportView.class, REPORT_SERVICE);
    }

    public List<MenuEntry> entries() {
        return entries;
    }

    /** The entries this caller may use whose feature service is present, grouped by section in display order. */
    public Map<MenuSection, List<MenuEntry>> visible(Caller caller, Predicate<String> servicePresent) {
        Map<MenuSection, List<MenuEntry>> out = new EnumMap<>(MenuSection.class);
        for (MenuEntry e : entries) {
            boolean featurePresent = e.requiredService() == null || servicePresent.test(e.requiredService());
            if (featurePresent && AccessRules.mayEnter(caller, e.view())) {
                out.computeIfAbsent(e.section(), s -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }
}
