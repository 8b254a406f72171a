package org.coffeecontrol.driverkit;

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

/** A correct recipe dialect for the toy: {@code slot;product;coffee;water} lines, {@code toy recipe <slot> k=v}. */
class ToyRecipes implements RecipeDialect {

    static final String LISTING = "1;Espresso;9.0;30\n2;Americano 200;10.0;200\n";
    static final RecipeFields FIELDS = new RecipeFields("Toy", "[0-9]{1,2}", List.of(
            new RecipeField(RecipeField.COFFEE_G, "Coffee", "g", BigDecimal.ZERO, new BigDecimal("20.0"), 1),
            new RecipeField(RecipeField.WATER_ML, "Water", "ml", BigDecimal.ZERO, new BigDecimal("400"), 0)));

    @Override
    public boolean supports(String model) {
        return true;
    }

    @Override
    public List<RecipeField> fields() {
        return FIELDS.list();
    }

    @Override
    public CommandPlan planRead() {
        return new CommandPlan.Exec("toy recipes", Duration.ofSeconds(5));
    }

    @Override
    public RecipeRead parse(String output) {
        if (output == null || output.isBlank()) {
            return new RecipeRead.Rejected("empty");
        }
        List<Recipe> out = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            String[] f = line.split(";", -1);
            BigDecimal coffee = f.length == 4 ? RecipeFields.number(f[2]) : null;
            BigDecimal water = f.length == 4 ? RecipeFields.number(f[3]) : null;
            if (coffee == null || water == null) {
                return new RecipeRead.Rejected("not slot;product;coffee;water: " + line);
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put(RecipeField.COFFEE_G, coffee);
            values.put(RecipeField.WATER_ML, water);
            out.add(new Recipe(f[0], f[1], values));
        }
        return new RecipeRead.Parsed(out);
    }

    @Override
    public CommandPlan planWrite(String recipeId, Map<String, BigDecimal> values) {
        RecipeFields.Checked checked = FIELDS.check(recipeId, values);
        if (checked.refused() != null) {
            return checked.refused();
        }
        StringBuilder line = new StringBuilder("toy recipe ").append(recipeId);
        checked.values().forEach((k, v) -> line.append(' ').append(k).append('=').append(RecipeFields.plain(v)));
        return new CommandPlan.Exec(line.toString(), Duration.ofSeconds(5));
    }
}
