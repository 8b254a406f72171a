package org.coffeecontrol.ui.internal.catalog;

import java.util.function.Supplier;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.grid.Grid;

final class RegionCatalogue extends Catalogue<Region> {
    private static final long serialVersionUID = 1L;

    RegionCatalogue(CatalogService catalog, Supplier<Caller> caller) {
        super(catalog, caller);
    }

    @Override
    public String key() {
        return "regions";
    }

    @Override
    public long idOf(Region r) {
        return r.id();
    }

    @Override
    public String nameOf(Region r) {
        return r.name();
    }

    @Override
    public Page<Region> fetch(CatalogQuery q) {
        return catalog.regions(caller(), q);
    }

    @Override
    public Region get(long id) {
        return catalog.region(caller(), id);
    }

    @Override
    public Region save(Region r) {
        return catalog.saveRegion(caller(), r);
    }

    @Override
    public void delete(long id) {
        catalog.deleteRegion(caller(), id);
    }

    @Override
    public void addColumns(Grid<Region> grid, Tr tr) {
        grid.addColumn(Region::name).setHeader(tr.t("field.name")).setFlexGrow(2);
        grid.addColumn(Region::code).setHeader(tr.t("field.code"));
    }

    @Override
    public RecordForm<Region> form(Tr tr) {
        return new RegionForm(tr);
    }
}
