package org.coffeecontrol.api.catalog;

import org.coffeecontrol.api.PageRequest;

/**
 * Filter for catalogue lists. Every field is optional; {@code text} matches names, codes, serials and hosts.
 */
public record CatalogQuery(String text, Long clientId, Long regionId, Long posId, Long modelId, PageRequest page) {

    public CatalogQuery {
        page = page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page;
        text = text == null || text.isBlank() ? null : text.trim();
    }

    public static CatalogQuery all() {
        return new CatalogQuery(null, null, null, null, null, PageRequest.all());
    }

    public static CatalogQuery text(String text) {
        return new CatalogQuery(text, null, null, null, null, null);
    }

    public CatalogQuery withPage(PageRequest p) {
        return new CatalogQuery(text, clientId, regionId, posId, modelId, p);
    }
}
