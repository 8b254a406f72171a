package org.coffeecontrol.remote.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.driver.Recipe;

/**
 * One approved value: the field (a canonical {@link org.coffeecontrol.api.driver.RecipeField} key) of a product
 * (canonical name, e.g. {@code Americano 200}), on machines of every family.
 *
 * @param tolerance how far a machine may be off either way without counting as a deviation; 0 = exact
 */
public record RecipeCardEntry(String product, String field, BigDecimal value, BigDecimal tolerance) {

    /** Every value of these recipes as card entries: a card taken from a reference machine. */
    public static List<RecipeCardEntry> of(List<Recipe> recipes, BigDecimal tolerance) {
        List<RecipeCardEntry> out = new ArrayList<>();
        for (Recipe r : recipes) {
            r.values().forEach((field, value) -> out.add(new RecipeCardEntry(r.product(), field, value, tolerance)));
        }
        return out;
    }
}
