package org.coffeecontrol.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "region-add", description = "Creates a region")
public class RegionAddCommand extends CoffeeAction {

    @Argument(name = "name", description = "Region name", required = true)
    String name;

    @Option(name = "--code", description = "Short unique code")
    String code;

    @Override
    void run(Caller caller, Output output) {
        Region saved = catalog.saveRegion(caller, new Region(null, name, Arguments.optional(code), 0));
        output.line("Created region " + Output.named(saved.name(), saved.id()));
    }
}
