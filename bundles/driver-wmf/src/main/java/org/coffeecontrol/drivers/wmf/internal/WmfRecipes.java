package org.coffeecontrol.drivers.wmf.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.driver.RecipeRead;
import org.coffeecontrol.driverkit.recipe.RecipeFields;

/**
 * WMF recipes (RC-2): {@code wmf-service recipes list} prints the beverage table tab-separated with a header of
 * upper-case column names and a closing {@code (n rows)} line; {@code wmf-service recipes set <slot> key=value ...}
 * changes one slot, keys being the canonical field keys. Every WMF model keeps recipes.
 */
final class WmfRecipes implements RecipeDialect {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final RecipeFields FIELDS = new RecipeFields("WMF", "[0-9]{1,3}", List.of(
            new RecipeField(RecipeField.COFFEE_G, "Coffee", "g", new BigDecimal("0"), new BigDecimal("24.0"), 1),
            new RecipeField(RecipeField.WATER_ML, "Water", "ml", new BigDecimal("0"), new BigDecimal("500"), 0),
            new RecipeField(RecipeField.MILK_ML, "Milk", "ml", new BigDecimal("0"), new BigDecimal("300"), 0),
            new RecipeField(RecipeField.TEMPERATURE_C, "Temperature", "°C", new BigDecimal("80"),
                    new BigDecimal("98"), 0),
            new RecipeField(RecipeField.PRICE, "Price", "", new BigDecimal("0"), new BigDecimal("9999.99"), 2)));

    @Override
    public boolean supports(String model) {
        return model != null && model.startsWith("WMF ");
    }

    @Override
    public List<RecipeField> fields() {
        return FIELDS.list();
    }

    @Override
    public CommandPlan planRead() {
        return new CommandPlan.Exec("wmf-service recipes list", TIMEOUT);
    }

    @Override
    public RecipeRead parse(String output) {
        if (output == null || output.isBlank()) {
            return new RecipeRead.Rejected("empty recipe table");
        }
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split("\t"));
        int id = header.indexOf("ID");
        int product = header.indexOf("PRODUCT");
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (RecipeField f : FIELDS.list()) {
            columns.put(f.key(), header.indexOf(f.key().toUpperCase(Locale.ROOT)));
        }
        if (id < 0 || product < 0 || columns.containsValue(-1)) {
            return new RecipeRead.Rejected("line 1: header lacks ID, PRODUCT or a field column");
        }
        List<Recipe> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches("\\([0-9]+ rows?\\)")) {
                int count = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                return count == out.size() ? new RecipeRead.Parsed(out)
                        : new RecipeRead.Rejected("line " + (i + 1) + ": " + count + " rows announced, " + out.size()
                                + " read");
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != header.size()) {
                return new RecipeRead.Rejected("line " + (i + 1) + ": " + cells.length + " cells, header has "
                        + header.size());
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> c : columns.entrySet()) {
                BigDecimal v = RecipeFields.number(cells[c.getValue()]);
                if (v == null) {
                    return new RecipeRead.Rejected("line " + (i + 1) + ": " + c.getKey() + " is not a number");
                }
                values.put(c.getKey(), v);
            }
            out.add(new Recipe(cells[id].strip(), cells[product].strip(), values));
        }
        return new RecipeRead.Rejected("the table has no closing row count: output cut?");
    }

    @Override
    public CommandPlan planWrite(String recipeId, Map<String, BigDecimal> values) {
        RecipeFields.Checked checked = FIELDS.check(recipeId, values);
        if (checked.refused() != null) {
            return checked.refused();
        }
        StringBuilder line = new StringBuilder("wmf-service recipes set ").append(recipeId);
        checked.values().forEach((k, v) -> line.append(' ').append(k).append('=').append(RecipeFields.plain(v)));
        return new CommandPlan.Exec(line.toString(), TIMEOUT);
    }
}
