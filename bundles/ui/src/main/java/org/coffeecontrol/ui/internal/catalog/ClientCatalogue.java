package org.coffeecontrol.ui.internal.catalog;

import java.util.function.Supplier;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.grid.Grid;

final class ClientCatalogue extends Catalogue<Client> {
    private static final long serialVersionUID = 1L;

    ClientCatalogue(CatalogService catalog, Supplier<Caller> caller) {
        super(catalog, caller);
    }

    @Override
    public String key() {
        return "clients";
    }

    @Override
    public long idOf(Client c) {
        return c.id();
    }

    @Override
    public String nameOf(Client c) {
        return c.name();
    }

    @Override
    public Page<Client> fetch(CatalogQuery q) {
        return catalog.clients(caller(), q);
    }

    @Override
    public Client get(long id) {
        return catalog.client(caller(), id);
    }

    @Override
    public Client save(Client c) {
        return catalog.saveClient(caller(), c);
    }

    @Override
    public void delete(long id) {
        catalog.deleteClient(caller(), id);
    }

    @Override
    public void addColumns(Grid<Client> grid, Tr tr) {
        grid.addColumn(Client::name).setHeader(tr.t("field.name")).setFlexGrow(2);
        grid.addColumn(Client::code).setHeader(tr.t("field.code"));
        grid.addColumn(Client::phone).setHeader(tr.t("field.phone"));
        grid.addColumn(Client::email).setHeader(tr.t("field.email"));
    }

    @Override
    public RecordForm<Client> form(Tr tr) {
        return new ClientForm(tr);
    }
}
