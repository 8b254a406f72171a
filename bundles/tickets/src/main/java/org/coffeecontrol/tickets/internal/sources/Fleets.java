package org.coffeecontrol.tickets.internal.sources;

import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

/** Catalogue reads the sources need beyond one page. */
public final class Fleets {

    private Fleets() {
    }

    /** Every point of sale, page after page (the catalogue caps a page at {@link PageRequest#MAX_LIMIT}). */
    public static List<PointOfSale> allPointsOfSale(CatalogService catalog) {
        List<PointOfSale> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<PointOfSale> page = catalog.pointsOfSale(Caller.system(),
                    CatalogQuery.all().withPage(new PageRequest(offset, PageRequest.MAX_LIMIT)));
            out.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return out;
            }
        }
    }
}
