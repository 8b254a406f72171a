package org.coffeecontrol.drivers.thermoplan.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.driver.RecipeRead;
import org.coffeecontrol.driverkit.recipe.RecipeFields;

/**
 * Thermoplan beverage table (RC-2): {@code bw4ctl recipes list} prints {@code beverage.<slot>.<key>=<value>}
 * properties, a beverage's keys together; {@code bw4ctl recipes set <slot> key=value ...} changes one. The BW4 names
 * its values {@code powder}, {@code water}, {@code milk}, {@code temp} and keeps the price in cents
 * ({@code price_cents}); this class maps them to the canonical fields.
 */
final class ThermoplanRecipes implements RecipeDialect {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern LINE = Pattern.compile("beverage\\.([0-9]{1,3})\\.([a-z_]+)=(.*)");
    private static final BigDecimal CENTS = new BigDecimal(100);

    static final RecipeFields FIELDS = new RecipeFields("Thermoplan", "[0-9]{1,3}", List.of(
            new RecipeField(RecipeField.COFFEE_G, "Coffee", "g", new BigDecimal("0"), new BigDecimal("22.0"), 1),
            new RecipeField(RecipeField.WATER_ML, "Water", "ml", new BigDecimal("0"), new BigDecimal("400"), 0),
            new RecipeField(RecipeField.MILK_ML, "Milk", "ml", new BigDecimal("0"), new BigDecimal("300"), 0),
            new RecipeField(RecipeField.TEMPERATURE_C, "Temperature", "°C", new BigDecimal("80"),
                    new BigDecimal("96"), 0),
            new RecipeField(RecipeField.PRICE, "Price", "", new BigDecimal("0"), new BigDecimal("9999.99"), 2)));

    /** Canonical key → the BW4's name. */
    private static final Map<String, String> WIRE = Map.of(RecipeField.COFFEE_G, "powder", RecipeField.WATER_ML,
            "water", RecipeField.MILK_ML, "milk", RecipeField.TEMPERATURE_C, "temp", RecipeField.PRICE, "price_cents");

    @Override
    public boolean supports(String model) {
        return model != null && model.startsWith("Black&White4");
    }

    @Override
    public List<RecipeField> fields() {
        return FIELDS.list();
    }

    @Override
    public CommandPlan planRead() {
        return new CommandPlan.Exec("bw4ctl recipes list", TIMEOUT);
    }

    @Override
    public RecipeRead parse(String output) {
        if (output == null || output.isBlank()) {
            return new RecipeRead.Rejected("empty beverage table");
        }
        Map<String, Map<String, String>> slots = new LinkedHashMap<>();
        int n = 0;
        for (String line : output.split("\n")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                return new RecipeRead.Rejected("line " + n + ": not a beverage property");
            }
            if (slots.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), m.group(3)) != null) {
                return new RecipeRead.Rejected("line " + n + ": beverage " + m.group(1) + " has " + m.group(2)
                        + " twice");
            }
        }
        List<Recipe> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> slot : slots.entrySet()) {
            Map<String, String> p = slot.getValue();
            String name = p.get("name");
            if (name == null || name.isBlank()) {
                return new RecipeRead.Rejected("beverage " + slot.getKey() + ": no name");
            }
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (RecipeField f : FIELDS.list()) {
                BigDecimal v = RecipeFields.number(p.get(WIRE.get(f.key())));
                if (v == null) {
                    return new RecipeRead.Rejected("beverage " + slot.getKey() + ": " + WIRE.get(f.key())
                            + " missing or not a number");
                }
                values.put(f.key(), f.key().equals(RecipeField.PRICE) ? v.movePointLeft(2) : v);
            }
            out.add(new Recipe(slot.getKey(), name.strip(), values));
        }
        return new RecipeRead.Parsed(out);
    }

    @Override
    public CommandPlan planWrite(String recipeId, Map<String, BigDecimal> values) {
        RecipeFields.Checked checked = FIELDS.check(recipeId, values);
        if (checked.refused() != null) {
            return checked.refused();
        }
        StringBuilder line = new StringBuilder("bw4ctl recipes set ").append(recipeId);
        checked.values().forEach((k, v) -> line.append(' ').append(WIRE.get(k)).append('=')
                .append(RecipeFields.plain(k.equals(RecipeField.PRICE) ? v.multiply(CENTS) : v)));
        return new CommandPlan.Exec(line.toString(), TIMEOUT);
    }
}
