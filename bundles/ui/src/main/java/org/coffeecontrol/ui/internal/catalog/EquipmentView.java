package org.coffeecontrol.ui.internal.catalog;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;

import com.vaadin.flow.router.Route;

@Route(value = "equipment/:" + CatalogueView.ID + "?", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.MANAGER, Role.ENGINEER, Role.CLIENT })
public class EquipmentView extends CatalogueView<Equipment> {
    private static final long serialVersionUID = 1L;

    public EquipmentView(CatalogService catalog) {
        super(new EquipmentCatalogue(catalog, UiSession::require));
    }
}
