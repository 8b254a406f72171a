package org.coffeecontrol.ui.internal.catalog;

import java.util.List;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.ui.internal.layout.MainLayout;
import org.coffeecontrol.ui.internal.security.Allowed;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.router.Route;

@Route(value = "models/:" + CatalogueView.ID + "?", layout = MainLayout.class)
@Allowed({ Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.MANAGER })
public class ModelsView extends CatalogueView<EquipmentModel> {
    private static final long serialVersionUID = 1L;

    public ModelsView(CatalogService catalog, ServiceSource services) {
        super(new ModelCatalogue(catalog, UiSession::require, () -> families(services)));
    }

    /** Families of the drivers installed right now, offered in the model form. */
    static List<String> families(ServiceSource services) {
        return services.all(MachineDriver.class).stream().map(d -> d.info().family()).distinct().sorted().toList();
    }
}
