package org.coffeecontrol.api.driver;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How a family reads and writes recipes over its own SSH command set (RC-2). The platform runs the planned
 * command lines over the transport it owns and hands the output back for parsing; the dialect knows the wire
 * format and nothing else. Stateless and thread-safe; no method throws for bad input.
 */
@ConsumerType
public interface RecipeDialect {

    /** Whether this model (a catalogue model name, e.g. {@code WMF 1500S+}) keeps editable recipes. */
    boolean supports(String model);

    /** The editable values, in display order, with the ranges the machine accepts. */
    List<RecipeField> fields();

    /** The command that lists every recipe. */
    CommandPlan planRead();

    /** Turns the output of {@link #planRead()} into recipes; output it does not understand is a rejection. */
    RecipeRead parse(String output);

    /**
     * The command that sets {@code values} (by {@link RecipeField} key) of one recipe. Unknown keys, values outside
     * a field's range or precision and a recipe id the family could not address are {@link CommandPlan.Refused}
     * before a command line exists.
     */
    CommandPlan planWrite(String recipeId, Map<String, BigDecimal> values);
}
