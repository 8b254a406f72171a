package org.coffeecontrol.ui.internal.catalog;

import java.io.Serializable;
import java.util.function.Supplier;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.security.AccessRules;

import com.vaadin.flow.component.grid.Grid;

/**
 * What the generic list and editor need to know about one catalogue. {@link #key()} is at once the route, the
 * prefix of element ids and the prefix of its messages ({@code <key>.list}, {@code <key>.item}, {@code <key>.new}).
 */
public abstract class Catalogue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final transient CatalogService catalog;
    protected final transient Supplier<Caller> caller;

    protected Catalogue(CatalogService catalog, Supplier<Caller> caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    public abstract String key();

    public abstract long idOf(T item);

    public abstract String nameOf(T item);

    public abstract Page<T> fetch(CatalogQuery query);

    public abstract T get(long id);

    public abstract T save(T item);

    public abstract void delete(long id);

    public abstract void addColumns(Grid<T> grid, Tr tr);

    public abstract RecordForm<T> form(Tr tr);

    /** Whether the caller may create, edit and delete records here; master data unless a catalogue says otherwise. */
    public boolean editableBy(Caller who) {
        return AccessRules.mayEditMasterData(who);
    }

    public boolean filtersByClient() {
        return false;
    }

    public boolean filtersByRegion() {
        return false;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public Caller caller() {
        return caller.get();
    }
}
