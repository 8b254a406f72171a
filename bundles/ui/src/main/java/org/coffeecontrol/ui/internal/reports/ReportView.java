package org.coffeecontrol.ui.internal.reports;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * A report page, {@code /reports/<report id>}: the URL names the report, so History and Favourites reopen it.
 * Everything that touches the reports API lives in {@link Reports} and the classes it builds, never in this route
 * class's signatures: the route registry introspects this class at start-up, also when the reports bundle is not
 * installed.
 * <p>
 * Ids: {@code report-title}, {@code report-unavailable}.
 */
@Route(value = "reports/:" + ReportView.REPORT, layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.TECH_SUPPORT, Role.SERVICE_ADMIN, Role.MANAGER, Role.FINANCE, Role.CLIENT })
@StyleSheet("context://coffee/reports/reports.css")
public class ReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    static final String REPORT = "report";

    private final transient ServiceSource services;
    private final transient CatalogService catalog;
    private final H2 heading = new H2();
    private String title;

    public ReportView(ServiceSource services, CatalogService catalog) {
        this.services = services;
        this.catalog = catalog;
        setSizeFull();
        heading.setId("report-title");
        heading.addClassName("view-title");
        title = getTranslation("menu.reports");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(REPORT).orElse("");
        removeAll();
        add(heading);
        Tr tr = this::getTranslation;
        title = getTranslation("menu.reports");
        if (!Reports.installed(services)) {
            add(Notices.unavailable(getTranslation("report.unavailable")));
        } else {
            try {
                Reports.Page page = Reports.page(services, catalog, tr, id);
                title = page.title();
                add(page.content());
            } catch (NotFoundException | AccessDeniedException e) {
                add(Notices.unavailable(getTranslation("report.notFound", id)));
            }
        }
        heading.setText(title);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
