package org.coffeecontrol.ui.internal.catalog;

import java.util.function.Supplier;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.security.AccessRules;

import com.vaadin.flow.component.grid.Grid;

public final class PosCatalogue extends Catalogue<PointOfSale> {
    private static final long serialVersionUID = 1L;

    public PosCatalogue(CatalogService catalog, Supplier<Caller> caller) {
        super(catalog, caller);
    }

    @Override
    public String key() {
        return "pos";
    }

    @Override
    public long idOf(PointOfSale p) {
        return p.id();
    }

    @Override
    public String nameOf(PointOfSale p) {
        return p.name();
    }

    @Override
    public Page<PointOfSale> fetch(CatalogQuery q) {
        return catalog.pointsOfSale(caller(), q);
    }

    @Override
    public PointOfSale get(long id) {
        return catalog.pointOfSale(caller(), id);
    }

    @Override
    public PointOfSale save(PointOfSale p) {
        return catalog.savePointOfSale(caller(), p);
    }

    @Override
    public void delete(long id) {
        catalog.deletePointOfSale(caller(), id);
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
    public void addColumns(Grid<PointOfSale> grid, Tr tr) {
        NameLookup clients = new NameLookup(id -> catalog.client(caller(), id).name());
        grid.addColumn(PointOfSale::name).setHeader(tr.t("field.name")).setFlexGrow(2);
        grid.addColumn(PointOfSale::code).setHeader(tr.t("field.code"));
        grid.addColumn(p -> clients.name(p.clientId())).setHeader(tr.t("field.client"));
        grid.addColumn(PointOfSale::address).setHeader(tr.t("field.address")).setFlexGrow(2);
        grid.addColumn(PointOfSale::phone).setHeader(tr.t("field.phone"));
    }

    @Override
    public RecordForm<PointOfSale> form(Tr tr) {
        return new PosForm(tr, catalog, caller);
    }
}
