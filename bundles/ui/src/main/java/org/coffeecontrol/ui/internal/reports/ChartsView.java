package org.coffeecontrol.ui.internal.reports;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/** REP-9 charts at {@code /charts}. Like {@link ReportView}, it reaches the reports API only through {@link Reports}. */
@Route(value = "charts", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.TECH_SUPPORT, Role.SERVICE_ADMIN, Role.MANAGER, Role.FINANCE, Role.CLIENT })
@StyleSheet("context://coffee/reports/reports.css")
public class ChartsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    public ChartsView(ServiceSource services, CatalogService catalog) {
        setSizeFull();
        H2 heading = new H2(getTranslation("charts.title"));
        heading.setId("report-title");
        heading.addClassName("view-title");
        add(heading);
        if (!Reports.installed(services)) {
            add(Notices.unavailable(getTranslation("report.unavailable")));
            return;
        }
        try {
            add(Reports.charts(services, catalog, this::getTranslation).content());
        } catch (NotFoundException | AccessDeniedException e) {
            add(Notices.unavailable(getTranslation("report.notFound", Reports.DRINKS)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("charts.title");
    }
}
