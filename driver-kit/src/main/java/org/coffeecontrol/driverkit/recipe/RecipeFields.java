package org.coffeecontrol.driverkit.recipe;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.RecipeField;

/**
 * A family's recipe fields with the checks every {@code RecipeDialect.planWrite} needs before it builds a command
 * line: a recipe id of the safe alphabet, only known keys, every value inside its field's range and precision.
 * Values are written with {@link BigDecimal#toPlainString()}, so no exponent or sign trick reaches a command line.
 *
 * <p>Runtime code for drivers, embedded privately like {@code driverkit.command}. Immutable and thread-safe.
 */
public final class RecipeFields {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String family;
    private final List<RecipeField> fields;
    private final Pattern idPattern;

    /** @param idPattern what the family's recipe ids look like (tighter than the safe alphabet) */
    public RecipeFields(String family, String idPattern, List<RecipeField> fields) {
        this.family = family;
        this.fields = List.copyOf(fields);
        this.idPattern = Pattern.compile(idPattern);
    }

    public List<RecipeField> list() {
        return fields;
    }

    public Optional<RecipeField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * The checked values in field order, or the refusal. The id and unknown keys are not quoted back beyond
     * their names: they come from a user.
     */
    public Checked check(String recipeId, Map<String, BigDecimal> values) {
        if (recipeId == null || !SAFE_ID.matcher(recipeId).matches() || !idPattern.matcher(recipeId).matches()) {
            return new Checked(null, new CommandPlan.Refused("not a " + family + " recipe id (" + idPattern + ")"));
        }
        if (values == null || values.isEmpty()) {
            return new Checked(null, new CommandPlan.Refused("no value to write"));
        }
        for (String key : values.keySet()) {
            if (field(key).isEmpty()) {
                return new Checked(null, new CommandPlan.Refused("'" + clip(key) + "' is not a " + family
                        + " recipe field"));
            }
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (RecipeField f : fields) {
            if (values.containsKey(f.key())) {
                String refusal = f.refusal(values.get(f.key()));
                if (refusal != null) {
                    return new Checked(null, new CommandPlan.Refused(f.key() + ": " + refusal));
                }
                ordered.put(f.key(), values.get(f.key()));
            }
        }
        return new Checked(ordered, null);
    }

    /** Either the values in field order or the refusal. */
    public record Checked(Map<String, BigDecimal> values, CommandPlan.Refused refused) {
    }

    /** A decimal as written on the wire, or null when the text is not a plain decimal number. */
    public static BigDecimal number(String text) {
        if (text == null || !text.strip().matches("-?[0-9]{1,9}(\\.[0-9]{1,6})?")) {
            return null;
        }
        return new BigDecimal(text.strip());
    }

    /** A value as written on the wire: plain notation, no trailing zeros beyond the field's precision. */
    public static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    private static String clip(String s) {
        String safe = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
