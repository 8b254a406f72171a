package org.coffeecontrol.ui.internal.catalog;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;

import com.vaadin.flow.router.Route;

@Route(value = "pos/:" + CatalogueView.ID + "?", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.MANAGER, Role.ENGINEER, Role.CLIENT })
public class PosView extends CatalogueView<PointOfSale> {
    private static final long serialVersionUID = 1L;

    public PosView(CatalogService catalog) {
        super(new PosCatalogue(catalog, UiSession::require));
    }
}
