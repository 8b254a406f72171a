package org.coffeecontrol.ui.internal.layout;

import java.util.List;
import java.util.stream.Stream;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.SearchHit;
import org.coffeecontrol.ui.internal.security.UiSession;

import com.vaadin.flow.component.combobox.ComboBox;

/** CAT-5 in the top bar: type an ID, name, serial or IP, pick a hit, land on its form. */
final class GlobalSearch extends ComboBox<SearchHit> {
    private static final long serialVersionUID = 1L;
    static final int MIN_CHARS = 2;
    private static final int MAX_HITS = 20;

    GlobalSearch(CatalogService catalog) {
        setId("global-search");
        setPlaceholder(getTranslation("search.placeholder"));
        setClearButtonVisible(true);
        addClassName("global-search");
        setItemLabelGenerator(h -> label(h, getTranslation("search.kind." + h.kind().name())));
        setItems(q -> fetch(catalog, q.getFilter().orElse(""), q.getOffset(), q.getLimit()));
        addValueChangeListener(e -> {
            SearchHit hit = e.getValue();
            if (hit != null && e.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate(location(hit)));
                clear();
            }
        });
    }

    private static Stream<SearchHit> fetch(CatalogService catalog, String filter, int offset, int limit) {
        if (filter == null || filter.trim().length() < MIN_CHARS) {
            return Stream.empty();
        }
        List<SearchHit> hits = catalog.search(UiSession.require(), filter.trim(), MAX_HITS);
        return hits.stream().skip(offset).limit(limit);
    }

    static String label(SearchHit hit, String kind) {
        String sub = hit.subtitle() == null || hit.subtitle().isBlank() ? "" : " — " + hit.subtitle();
        return kind + ": " + hit.title() + sub;
    }

    /** The route of the form that shows the hit. */
    static String location(SearchHit hit) {
        return switch (hit.kind()) {
            case CLIENT -> "clients/" + hit.id();
            case POS -> "pos/" + hit.id();
            case EQUIPMENT -> "equipment/" + hit.id();
        };
    }
}
