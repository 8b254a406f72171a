package org.coffeecontrol.drivers.drcoffee.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Driver for Dr.Coffee CoffeeZone machines speaking the semicolon line protocol. Stateless. */
@Component(service = MachineDriver.class, property = MachineDriver.FAMILY_PROPERTY + "=" + DrCoffeeDriver.FAMILY)
public final class DrCoffeeDriver implements MachineDriver {

    static final String FAMILY = "drcoffee";
    static final String CONTENT_TYPE = "text/vnd.coffeecontrol.drcoffee-lines";

    private static final Optional<RecipeDialect> RECIPES = Optional.of(new DrCoffeeRecipes());

    private final DriverInfo info;

    @Activate
    public DrCoffeeDriver(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    /** Outside OSGi (tests, the simulator's round-trip tests) the caller names the version. */
    public DrCoffeeDriver(String version) {
        // No promo images: the CoffeeZone screen shows only its own menu.
        this.info = new DriverInfo(FAMILY, "Dr.Coffee", version, CONTENT_TYPE,
                List.of("Dr.Coffee CoffeeZone", "Dr.Coffee F2"),
                EnumSet.of(Capability.TELEMETRY, Capability.COMMANDS, Capability.RECIPES, Capability.SQL,
                        Capability.FILES));
    }

    @Override
    public DriverInfo info() {
        return info;
    }

    @Override
    public DecodeResult decode(TelemetryBatch batch) {
        return DrCoffeeBatchDecoder.decode(batch);
    }

    @Override
    public List<CommandSpec> commands() {
        return DrCoffeeCommands.TABLE.specs();
    }

    @Override
    public CommandPlan plan(String commandId, Map<String, String> args) {
        return DrCoffeeCommands.TABLE.plan(commandId, args);
    }

    @Override
    public Optional<RecipeDialect> recipes() {
        return RECIPES;
    }
}
