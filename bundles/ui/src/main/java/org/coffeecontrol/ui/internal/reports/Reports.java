package org.coffeecontrol.ui.internal.reports;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.Component;

/**
 * The one door from the report routes to the reports API. The route classes call it only after
 * {@link #installed} said yes, so the UI starts and runs without the reports bundle.
 */
final class Reports {
    /** By name: the menu and the routes must not load the API class while the bundle is absent. */
    static final String SERVICE = "org.coffeecontrol.reports.api.ReportService";
    /** REP-1, also the data of the drinks chart. */
    static final String DRINKS = "drinks";

    record Page(String title, Component content) {
    }

    private Reports() {
    }

    static boolean installed(ServiceSource services) {
        return services.isPresent(SERVICE);
    }

    static ReportService service(ServiceSource services) {
        return ServiceProxies.proxy(services, ReportService.class);
    }

    /** The page of one report; NotFoundException when there is no such report for this caller. */
    static Page page(ServiceSource services, CatalogService catalog, Tr tr, String reportId) {
        ReportService reports = service(services);
        ReportDefinition d = reports.definition(UiSession.require(), reportId);
        return new Page(ReportText.title(tr, d), new ReportPanel(d, reports, catalog, UiSession::require, tr));
    }

    static Page charts(ServiceSource services, CatalogService catalog, Tr tr) {
        ReportService reports = service(services);
        return new Page(tr.t("charts.title"), new ChartsPanel(reports, catalog, UiSession::require, tr));
    }
}
