package org.coffeecontrol.api.driver;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recipe as read from a machine.
 *
 * @param id      the machine's own recipe key (a slot number or name), used to write it back
 * @param product canonical product name, e.g. {@code Americano 200}
 * @param values  by {@link RecipeField} key, in the family's field order
 */
public record Recipe(String id, String product, Map<String, BigDecimal> values) {
    public Recipe {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
