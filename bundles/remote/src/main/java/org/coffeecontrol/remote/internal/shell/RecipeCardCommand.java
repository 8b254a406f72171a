package org.coffeecontrol.remote.internal.shell;

import java.math.BigDecimal;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.MachineRecipes;
import org.coffeecontrol.remote.api.RecipeCard;
import org.coffeecontrol.remote.api.RecipeCardEntry;
import org.coffeecontrol.remote.api.RecipeService;

@Service
@Command(scope = "coffee", name = "recipe-card", description = "Shows a client's approved recipe card; --from takes "
        + "it from a reference machine's current recipes, --clear empties it")
public class RecipeCardCommand extends RemoteAction {

    @Reference
    RecipeService recipes;

    @Option(name = "--from", description = "Serial of a reference machine whose recipes become the card")
    String from;

    @Option(name = "-t", aliases = "--tolerance", description = "Tolerance of every entry taken with --from (default 0)")
    BigDecimal tolerance = BigDecimal.ZERO;

    @Option(name = "--clear", description = "Removes every entry")
    boolean clear;

    @Argument(index = 0, name = "clientId", description = "The client's id", required = true)
    long clientId;

    @Override
    void run(Caller caller) throws Exception {
        RecipeCard card = recipes.card(caller, clientId);
        if (from != null) {
            MachineRecipes reference = await(recipes.read(caller, from));
            card = recipes.saveCard(caller, clientId, RecipeCardEntry.of(reference.recipes(), tolerance),
                    card.version());
        } else if (clear) {
            card = recipes.saveCard(caller, clientId, List.of(), card.version());
        }
        for (RecipeCardEntry e : card.entries()) {
            out.printf("%-24s %-14s %10s ± %s%n", e.product(), e.field(), e.value().toPlainString(),
                    e.tolerance().toPlainString());
        }
        out.println("entries: " + card.entries().size() + ", version " + card.version()
                + (card.updatedBy() == null ? "" : ", by " + card.updatedBy() + " at " + card.updatedAt()));
    }
}
