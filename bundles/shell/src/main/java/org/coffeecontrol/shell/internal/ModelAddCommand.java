package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "model-add", description = "Creates an equipment model bound to a machine family")
public class ModelAddCommand extends CoffeeAction {

    @Argument(name = "name", description = "Model name, e.g. \"WMF 1500S+\"", required = true)
    String name;

    @Option(name = "--family", aliases = "-f", required = true,
            description = "Machine family whose driver speaks to it, e.g. wmf, thermoplan, drcoffee")
    String family;

    @Option(name = "--manufacturer", aliases = "-m", description = "Manufacturer")
    String manufacturer;

    @Option(name = "--type", aliases = "-t", description = "Kind of equipment (default: coffee machine)")
    String type = "coffee machine";

    @Option(name = "--recipes", description = "Recipes can be read and written remotely")
    boolean recipes;

    @Option(name = "--promo", description = "Promo images can be pushed")
    boolean promo;

    @Override
    void run(Caller caller, Output output) {
        EquipmentModel saved = catalog.saveModel(caller, new EquipmentModel(null, name,
                Arguments.optional(manufacturer), Arguments.optional(type), Arguments.optional(family),
                recipes, promo, 0));
        output.line("Created model " + Output.named(saved.name(), saved.id()) + ", family " + saved.family());
    }
}
