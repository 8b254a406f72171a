package org.coffeecontrol.remote.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.DriftReport;
import org.coffeecontrol.remote.api.MachineDrift;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RecipeDeviation;
import org.coffeecontrol.remote.api.RecipeService;

@Service
@Command(scope = "coffee", name = "recipe-drift", description = "Reads the recipes of every machine whose client has a "
        + "recipe card and lists those that deviate (coffee overuse) or could not be read")
public class RecipeDriftCommand extends RemoteAction {

    @Reference
    RecipeService recipes;

    @Option(name = "-c", aliases = "--client", description = "Only this client's machines")
    Long clientId;

    @Override
    void run(Caller caller) throws Exception {
        DriftReport report = await(recipes.drift(caller, clientId));
        for (MachineDrift m : report.machines()) {
            if (m.outcome() != Outcome.OK) {
                out.printf("%-20s %-22s not read: %s %s%n", m.serial(), m.model(), m.outcome(), m.message());
                continue;
            }
            out.printf("%-20s %-22s %d deviation(s)%n", m.serial(), m.model(), m.deviations().size());
            for (RecipeDeviation d : m.deviations()) {
                out.println("    " + d.product() + " " + d.field() + ": " + d.actual().toPlainString() + " (card "
                        + d.approved().toPlainString() + (d.excess().signum() > 0 ? ", over by " : ", under by ")
                        + d.excess().abs().toPlainString() + ")");
            }
        }
        out.println("machines checked: " + report.checked() + ", listed: " + report.machines().size());
    }
}
