package org.coffeecontrol.remote.api;

import java.math.BigDecimal;

/**
 * One recipe value that differs from the client's card by more than the card's tolerance.
 *
 * @param recipeId the machine's slot, to write it back
 */
public record RecipeDeviation(String recipeId, String product, String field, BigDecimal approved, BigDecimal actual,
        BigDecimal tolerance) {

    /** Positive when the machine uses more than approved (the manual's "coffee overuse" for coffee_g). */
    public BigDecimal excess() {
        return actual.subtract(approved);
    }
}
