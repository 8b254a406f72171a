package org.coffeecontrol.drivers.drcoffee.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.driver.RecipeRead;
import org.coffeecontrol.driverkit.recipe.RecipeFields;

/**
 * Dr.Coffee recipes (RC-2): {@code dcc RECIPES} prints one {@code RCP;slot;name;coffee;water;milk;temp;price} line
 * per recipe and a closing {@code END;count}; {@code dcc RECIPE SET <slot> COFFEE=9.5 WATER=180 ...} changes one.
 * The F2 has a fixed menu: only the CoffeeZone keeps editable recipes.
 */
final class DrCoffeeRecipes implements RecipeDialect {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    static final RecipeFields FIELDS = new RecipeFields("Dr.Coffee", "[0-9]{1,2}", List.of(
            new RecipeField(RecipeField.COFFEE_G, "Coffee", "g", new BigDecimal("0"), new BigDecimal("20.0"), 1),
            new RecipeField(RecipeField.WATER_ML, "Water", "ml", new BigDecimal("0"), new BigDecimal("400"), 0),
            new RecipeField(RecipeField.MILK_ML, "Milk", "ml", new BigDecimal("0"), new BigDecimal("250"), 0),
            new RecipeField(RecipeField.TEMPERATURE_C, "Temperature", "°C", new BigDecimal("80"),
                    new BigDecimal("95"), 0),
            new RecipeField(RecipeField.PRICE, "Price", "", new BigDecimal("0"), new BigDecimal("9999.99"), 2)));

    /** Field order of an RCP line after slot and name, and the names RECIPE SET takes. */
    private static final List<String> WIRE = List.of("COFFEE", "WATER", "MILK", "TEMP", "PRICE");

    @Override
    public boolean supports(String model) {
        return "Dr.Coffee CoffeeZone".equals(model);
    }

    @Override
    public List<RecipeField> fields() {
        return FIELDS.list();
    }

    @Override
    public CommandPlan planRead() {
        return new CommandPlan.Exec("dcc RECIPES", TIMEOUT);
    }

    @Override
    public RecipeRead parse(String output) {
        if (output == null || output.isBlank()) {
            return new RecipeRead.Rejected("empty answer");
        }
        List<Recipe> out = new ArrayList<>();
        int n = 0;
        for (String raw : output.split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f[0].equals("END") && f.length == 2) {
                return String.valueOf(out.size()).equals(f[1]) ? new RecipeRead.Parsed(out)
                        : new RecipeRead.Rejected("line " + n + ": END announces " + f[1] + ", " + out.size()
                                + " read");
            }
            if (!f[0].equals("RCP") || f.length != 3 + WIRE.size()) {
                return new RecipeRead.Rejected("line " + n + ": not an RCP line with " + (3 + WIRE.size())
                        + " fields");
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (int i = 0; i < WIRE.size(); i++) {
                BigDecimal v = RecipeFields.number(f[3 + i]);
                if (v == null) {
                    return new RecipeRead.Rejected("line " + n + ": " + WIRE.get(i) + " is not a number");
                }
                values.put(FIELDS.list().get(i).key(), v);
            }
            out.add(new Recipe(f[1], f[2], values));
        }
        return new RecipeRead.Rejected("no END line: answer cut?");
    }

    @Override
    public CommandPlan planWrite(String recipeId, Map<String, BigDecimal> values) {
        RecipeFields.Checked checked = FIELDS.check(recipeId, values);
        if (checked.refused() != null) {
            return checked.refused();
        }
        StringBuilder line = new StringBuilder("dcc RECIPE SET ").append(recipeId);
        for (int i = 0; i < FIELDS.list().size(); i++) {
            BigDecimal v = checked.values().get(FIELDS.list().get(i).key());
            if (v != null) {
                line.append(' ').append(WIRE.get(i)).append('=').append(RecipeFields.plain(v));
            }
        }
        return new CommandPlan.Exec(line.toString(), TIMEOUT);
    }
}
