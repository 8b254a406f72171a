package org.coffeecontrol.remote.api;

import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeField;

/**
 * A machine's recipes as read, with the deviations from its client's card.
 *
 * @param clientId    the client of the machine's point of sale; null for a machine in stock (no card applies)
 * @param fields      the family's editable values with their ranges, in display order
 * @param cardDefined whether the client has a card with at least one entry
 */
public record MachineRecipes(long equipmentId, String serial, String family, String model, Long clientId,
        List<RecipeField> fields, List<Recipe> recipes, List<RecipeDeviation> deviations, boolean cardDefined,
        Instant readAt) {
    public MachineRecipes {
        fields = List.copyOf(fields);
        recipes = List.copyOf(recipes);
        deviations = List.copyOf(deviations);
    }
}
