package org.coffeecontrol.ui.internal.catalog;

import java.util.Optional;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.security.UiSession;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A catalogue page: the list, and the record's form when the URL names one ({@code <key>/42}, {@code <key>/new}).
 * Because the open form is part of the URL, history entries and favourites can reopen it.
 */
public abstract class CatalogueView<T> extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    public static final String ID = "id";
    public static final String NEW = "new";

    private final Catalogue<T> catalogue;
    private final boolean editable;
    private final EditorDialog<T> editor;
    private String title;

    protected CatalogueView(Catalogue<T> catalogue) {
        this.catalogue = catalogue;
        Tr tr = this::getTranslation;
        this.editable = catalogue.editableBy(UiSession.require());
        String key = catalogue.key();
        this.title = tr.t(key + ".list");
        setSizeFull();
        H2 heading = new H2(title);
        heading.addClassName("view-title");
        CatalogueGrid<T> grid = new CatalogueGrid<>(catalogue, tr, item -> go(key + "/" + catalogue.idOf(item)),
                editable ? () -> go(key + "/" + NEW) : null);
        editor = new EditorDialog<>(catalogue, tr, editable, grid::refresh, () -> go(key));
        add(heading, grid);
        expand(grid);
    }

    private void go(String location) {
        UI.getCurrent().navigate(location);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = catalogue.key();
        Optional<String> id = event.getRouteParameters().get(ID);
        title = getTranslation(key + ".list");
        if (id.isEmpty()) {
            if (editor.isOpened()) {
                editor.close();
            }
            return;
        }
        if (NEW.equals(id.get())) {
            if (editable) {
                title = getTranslation(key + ".new");
                editor.edit(null);
            } else {
                event.forwardTo(key);
            }
            return;
        }
        try {
            T item = catalogue.get(Long.parseLong(id.get()));
            title = getTranslation(key + ".item", catalogue.nameOf(item));
            editor.edit(item);
        } catch (NumberFormatException | NotFoundException e) {
            Notification.show(getTranslation("error.notFound"));
            event.forwardTo(key);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
