package org.coffeecontrol.ui.internal.catalog;

import java.util.List;
import java.util.function.Supplier;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.grid.Grid;

final class ModelCatalogue extends Catalogue<EquipmentModel> {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<List<String>> families;

    ModelCatalogue(CatalogService catalog, Supplier<Caller> caller, Supplier<List<String>> families) {
        super(catalog, caller);
        this.families = families;
    }

    @Override
    public String key() {
        return "models";
    }

    @Override
    public long idOf(EquipmentModel m) {
        return m.id();
    }

    @Override
    public String nameOf(EquipmentModel m) {
        return m.name();
    }

    @Override
    public Page<EquipmentModel> fetch(CatalogQuery q) {
        return catalog.models(caller(), q);
    }

    @Override
    public EquipmentModel get(long id) {
        return catalog.model(caller(), id);
    }

    @Override
    public EquipmentModel save(EquipmentModel m) {
        return catalog.saveModel(caller(), m);
    }

    @Override
    public void delete(long id) {
        catalog.deleteModel(caller(), id);
    }

    @Override
    public void addColumns(Grid<EquipmentModel> grid, Tr tr) {
        grid.addColumn(EquipmentModel::name).setHeader(tr.t("field.name")).setFlexGrow(2);
        grid.addColumn(EquipmentModel::manufacturer).setHeader(tr.t("field.manufacturer"));
        grid.addColumn(EquipmentModel::type).setHeader(tr.t("field.type"));
        grid.addColumn(EquipmentModel::family).setHeader(tr.t("field.family"));
    }

    @Override
    public RecordForm<EquipmentModel> form(Tr tr) {
        return new ModelForm(tr, families.get());
    }
}
