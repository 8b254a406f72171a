package org.coffeecontrol.ui.internal.catalog;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;

import com.vaadin.flow.router.Route;

@Route(value = "regions/:" + CatalogueView.ID + "?", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.MANAGER })
public class RegionsView extends CatalogueView<Region> {
    private static final long serialVersionUID = 1L;

    public RegionsView(CatalogService catalog) {
        super(new RegionCatalogue(catalog, UiSession::require));
    }
}
