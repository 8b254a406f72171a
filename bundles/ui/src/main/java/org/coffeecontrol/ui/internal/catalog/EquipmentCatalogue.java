package org.coffeecontrol.ui.internal.catalog;

import java.util.function.Supplier;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.security.AccessRules;

import com.vaadin.flow.component.grid.Grid;

public final class EquipmentCatalogue extends Catalogue<Equipment> {
    private static final long serialVersionUID = 1L;

    public EquipmentCatalogue(CatalogService catalog, Supplier<Caller> caller) {
        super(catalog, caller);
    }

    @Override
    public String key() {
        return "equipment";
    }

    @Override
    public long idOf(Equipment e) {
        return e.id();
    }

    @Override
    public String nameOf(Equipment e) {
        return e.serialNumber();
    }

    @Override
    public Page<Equipment> fetch(CatalogQuery q) {
        return catalog.equipment(caller(), q);
    }

    @Override
    public Equipment get(long id) {
        return catalog.equipment(caller(), id);
    }

    @Override
    public Equipment save(Equipment e) {
        return catalog.saveEquipment(caller(), e);
    }

    @Override
    public void delete(long id) {
        catalog.deleteEquipment(caller(), id);
    }

    @Override
    public boolean editableBy(Caller who) {
        return AccessRules.mayEditSites(who);
    }

    @Override
    public boolean filtersByClient() {
        return true;
    }

    @Override
    public boolean filtersByRegion() {
        return true;
    }

    @Override
    public void addColumns(Grid<Equipment> grid, Tr tr) {
        NameLookup models = new NameLookup(id -> catalog.model(caller(), id).name());
        NameLookup pos = new NameLookup(id -> catalog.pointOfSale(caller(), id).name());
        grid.addColumn(Equipment::serialNumber).setHeader(tr.t("field.serialNumber"));
        grid.addColumn(e -> models.name(e.modelId())).setHeader(tr.t("field.model")).setFlexGrow(2);
        grid.addColumn(e -> pos.name(e.posId())).setHeader(tr.t("field.pos")).setFlexGrow(2);
        grid.addColumn(Equipment::host).setHeader(tr.t("field.host"));
        grid.addColumn(e -> tr.t(e.rented() ? "field.rented" : "field.owned")).setHeader(tr.t("field.ownership"));
    }

    @Override
    public RecordForm<Equipment> form(Tr tr) {
        return new EquipmentForm(tr, catalog, caller);
    }
}
