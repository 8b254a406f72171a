package org.coffeecontrol.ui.internal.views;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.catalog.CatalogueGrid;
import org.coffeecontrol.ui.internal.catalog.EquipmentCatalogue;
import org.coffeecontrol.ui.internal.catalog.EquipmentView;
import org.coffeecontrol.ui.internal.catalog.PosCatalogue;
import org.coffeecontrol.ui.internal.catalog.PosView;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.monitoring.KpiDashboard;
import org.coffeecontrol.ui.internal.security.AccessRules;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

/**
 * The home page: a slot for the KPI dashboard (MON-9, filled by the monitoring work) and the two catalogues an
 * operator uses most, as tabs.
 */
@Route(value = "", layout = MainLayout.class)
@Allowed
public class MainView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    /** A name, not the class: without the monitoring bundle the UI cannot load its interface. */
    private static final String MONITORING = "org.coffeecontrol.monitoring.api.MonitoringService";

    public MainView(CatalogService catalog, ServiceSource services) {
        Caller caller = UiSession.require();
        Tr tr = this::getTranslation;
        setSizeFull();
        add(new H2(getTranslation("main.title")));

        Div kpi = new Div();
        kpi.setId("kpi-slot");
        if (services.isPresent(MONITORING)) {
            kpi.add(new KpiDashboard(services));
        } else {
            kpi.addClassName("kpi-slot");
            kpi.add(new Span(getTranslation("main.kpi.pending")));
        }
        add(kpi);

        TabSheet tabs = new TabSheet();
        tabs.setId("main-tabs");
        tabs.setSizeFull();
        if (AccessRules.mayEnter(caller, EquipmentView.class)) {
            EquipmentCatalogue equipment = new EquipmentCatalogue(catalog, UiSession::require);
            tabs.add(getTranslation("menu.equipment"), new CatalogueGrid<>(equipment, tr,
                    e -> UI.getCurrent().navigate("equipment/" + e.id()), null)).setId("tab-equipment");
        }
        if (AccessRules.mayEnter(caller, PosView.class)) {
            PosCatalogue pos = new PosCatalogue(catalog, UiSession::require);
            tabs.add(getTranslation("menu.pos"), new CatalogueGrid<>(pos, tr,
                    p -> UI.getCurrent().navigate("pos/" + p.id()), null)).setId("tab-pos");
        }
        add(tabs);
        expand(tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("main.title");
    }
}
