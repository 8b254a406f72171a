package org.coffeecontrol.simulator.wire;

import java.util.List;

/**
 * One family's product names on the wire and the canonical names its driver turns them into. A sized product's
 * canonical name ends with the cup size ("Americano 200"); the wire sends the bare name and the size apart.
 */
final class ProductVocabulary {

    /**
     * @param id       the family's product number, where it has one
     * @param wireName what the machine calls it
     * @param base     the canonical name, or its stem when {@code sized}
     */
    record WireProduct(int id, String wireName, String base, boolean sized) {
    }

    /** How a canonical drink goes on the wire; {@code product} is null for a product the family does not list. */
    record Encoded(WireProduct product, Integer ml) {
    }

    private final List<WireProduct> products;

    ProductVocabulary(List<WireProduct> products) {
        this.products = List.copyOf(products);
    }

    /**
     * Finds the wire product whose decoding gives back exactly {@code canonical} and {@code sizeMl}. A product
     * that fits none travels under its canonical name, which the drivers pass through unchanged.
     */
    Encoded encode(String canonical, Integer sizeMl) {
        for (WireProduct p : products) {
            boolean sizedMatch = p.sized() && sizeMl != null && canonical.equals(p.base() + " " + sizeMl);
            boolean bareMatch = canonical.equals(p.base()) && (!p.sized() || sizeMl == null);
            if (sizedMatch || bareMatch) {
                return new Encoded(p, sizeMl);
            }
        }
        return new Encoded(null, sizeMl);
    }
}
