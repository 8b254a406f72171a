package org.coffeecontrol.remote.internal.shell;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineRecipes;
import org.coffeecontrol.remote.api.RecipeDeviation;
import org.coffeecontrol.remote.api.RecipeService;

@Service
@Command(scope = "coffee", name = "recipes", description = "Reads a machine's recipes (deviations from the client's "
        + "recipe card marked *), writes one (-s slot field=value ...) or brings it back to the card")
public class RecipesCommand extends RemoteAction {

    @Reference
    RecipeService recipes;

    @Option(name = "-s", aliases = "--set", description = "Writes this recipe slot with the field=value arguments")
    String slot;

    @Option(name = "--restore-card", description = "Writes the card's value into every deviating field")
    boolean restore;

    @Argument(index = 0, name = "serial", description = "The machine's serial number", required = true)
    String serial;

    @Argument(index = 1, name = "values", description = "field=value pairs for -s, e.g. coffee_g=9.5", multiValued = true)
    List<String> values;

    @Override
    void run(Caller caller) throws Exception {
        MachineRecipes r;
        if (restore) {
            r = await(recipes.restoreCard(caller, serial));
            out.println("Restored to the card and read back.");
        } else if (slot != null) {
            r = await(recipes.write(caller, serial, slot, parse(values)));
            out.println("Written and read back.");
        } else {
            r = await(recipes.read(caller, serial));
        }
        print(r);
    }

    static Map<String, BigDecimal> parse(List<String> pairs) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            String[] kv = pair.split("=", 2);
            try {
                out.put(kv[0], new BigDecimal(kv.length == 2 ? kv[1] : ""));
            } catch (NumberFormatException e) {
                throw new ValidationException("values." + kv[0], "'" + pair + "' is not field=number");
            }
        }
        return out;
    }

    private void print(MachineRecipes r) {
        out.println(r.serial() + " (" + r.model() + ")" + (r.cardDefined() ? "" : ", no recipe card for its client"));
        StringBuilder head = new StringBuilder(String.format("%-5s %-22s", "slot", "product"));
        for (RecipeField f : r.fields()) {
            head.append(String.format(" %14s", f.key()));
        }
        out.println(head);
        for (Recipe recipe : r.recipes()) {
            StringBuilder line = new StringBuilder(String.format("%-5s %-22s", recipe.id(), recipe.product()));
            for (RecipeField f : r.fields()) {
                BigDecimal v = recipe.values().get(f.key());
                boolean off = r.deviations().stream().anyMatch(d -> d.recipeId().equals(recipe.id())
                        && d.field().equals(f.key()));
                line.append(String.format(" %14s", (off ? "*" : "") + (v == null ? "-" : v.toPlainString())));
            }
            out.println(line);
        }
        if (!r.deviations().isEmpty()) {
            out.println("deviations from the card:");
            for (RecipeDeviation d : r.deviations()) {
                out.println("  " + d.product() + " " + d.field() + ": " + d.actual().toPlainString() + " (card "
                        + d.approved().toPlainString() + " ± " + d.tolerance().toPlainString() + ")");
            }
        }
        out.println(r.recipes().size() + " recipes, " + r.deviations().size() + " deviations; fields: "
                + r.fields().stream().map(f -> f.key() + " " + f.min().toPlainString() + "–" + f.max().toPlainString()
                        + f.unit()).collect(Collectors.joining(", ")));
    }
}
