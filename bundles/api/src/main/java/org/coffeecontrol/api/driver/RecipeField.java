package org.coffeecontrol.api.driver;

import java.math.BigDecimal;

/**
 * One editable value of a recipe as a family declares it (RC-2). Keys are canonical across families (the
 * constants below) so that a client's approved recipe card compares machines of different families; a driver maps
 * them to its own wire names.
 *
 * @param key      canonical key, e.g. {@link #COFFEE_G}
 * @param unit     shown next to the value, e.g. {@code g}, {@code ml}, {@code °C}
 * @param min      smallest value the machine accepts (inclusive)
 * @param max      largest value the machine accepts (inclusive)
 * @param decimals digits after the decimal point the machine keeps; a value with more is refused, not rounded
 */
public record RecipeField(String key, String label, String unit, BigDecimal min, BigDecimal max, int decimals) {

    public static final String COFFEE_G = "coffee_g";
    public static final String WATER_ML = "water_ml";
    public static final String MILK_ML = "milk_ml";
    public static final String TEMPERATURE_C = "temperature_c";
    public static final String PRICE = "price";

    public RecipeField {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + ": min " + min + " above max " + max);
        }
    }

    /** Why {@code value} may not be written, or null when it may. Never echoes more than the value itself. */
    public String refusal(BigDecimal value) {
        if (value == null) {
            return label + " is required";
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return label + " must be between " + min.toPlainString() + " and " + max.toPlainString() + " " + unit
                    + ", not " + value.toPlainString();
        }
        if (value.stripTrailingZeros().scale() > decimals) {
            return label + " takes at most " + decimals + " decimal" + (decimals == 1 ? "" : "s");
        }
        return null;
    }
}
