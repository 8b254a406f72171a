package org.coffeecontrol.ui.internal.catalog;

import java.util.function.Consumer;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A catalogue list: text filter, client and region filters where the catalogue has them, and a grid that pages
 * through the service as the user scrolls.
 */
public class CatalogueGrid<T> extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final Catalogue<T> catalogue;
    private final Grid<T> grid = new Grid<>();
    private final TextField filter = new TextField();
    private EntityCombo<Client> client;
    private EntityCombo<Region> region;

    /** @param onNew null when the user may not create records here */
    public CatalogueGrid(Catalogue<T> catalogue, Tr tr, Consumer<T> onOpen, Runnable onNew) {
        this.catalogue = catalogue;
        String key = catalogue.key();
        setPadding(false);
        setSizeFull();

        filter.setId(key + "-filter");
        filter.setPlaceholder(tr.t("grid.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());

        FlexLayout toolbar = new FlexLayout(filter);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("catalogue-toolbar");
        toolbar.setWidthFull();
        if (catalogue.filtersByClient()) {
            client = new EntityCombo<>(null, q -> catalogue.catalog().clients(catalogue.caller(), q),
                    id -> catalogue.catalog().client(catalogue.caller(), id), Client::id, Client::name);
            client.setPlaceholder(tr.t("field.client"));
            client.setId(key + "-client-filter");
            client.addValueChangeListener(e -> refresh());
            toolbar.add(client);
        }
        if (catalogue.filtersByRegion()) {
            region = new EntityCombo<>(null, q -> catalogue.catalog().regions(catalogue.caller(), q),
                    id -> catalogue.catalog().region(catalogue.caller(), id), Region::id, Region::name);
            region.setPlaceholder(tr.t("field.region"));
            region.setId(key + "-region-filter");
            region.addValueChangeListener(e -> refresh());
            toolbar.add(region);
        }
        if (onNew != null) {
            Button add = new Button(tr.t("action.new"), VaadinIcon.PLUS.create(), e -> onNew.run());
            add.setId(key + "-new");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(add);
        }

        grid.setId(key + "-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        catalogue.addColumns(grid, tr);
        grid.getColumns().forEach(c -> c.setResizable(true));
        grid.setItems(q -> catalogue.fetch(query(q.getOffset(), q.getLimit())).items().stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, catalogue.fetch(query(0, 1)).total()));
        grid.addItemClickListener(e -> onOpen.accept(e.getItem()));
        grid.setSizeFull();
        add(toolbar, grid);
        expand(grid);
    }

    CatalogQuery query(int offset, int limit) {
        return new CatalogQuery(filter.getValue(), client == null ? null : client.valueId(),
                region == null ? null : region.valueId(), null, null, new PageRequest(offset, limit));
    }

    public void refresh() {
        grid.getDataProvider().refreshAll();
    }

    Grid<T> grid() {
        return grid;
    }

    TextField filterField() {
        return filter;
    }
}
