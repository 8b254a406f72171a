package org.coffeecontrol.drivers.thermoplan.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.PromoImageSpec;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Driver for Thermoplan Black&amp;White 4 machines speaking D2D event records. Stateless. */
@Component(service = MachineDriver.class,
        property = MachineDriver.FAMILY_PROPERTY + "=" + ThermoplanDriver.FAMILY)
public final class ThermoplanDriver implements MachineDriver {

    static final String FAMILY = "thermoplan";
    static final String CONTENT_TYPE = "text/vnd.coffeecontrol.thermoplan-d2d";

    private static final Optional<RecipeDialect> RECIPES = Optional.of(new ThermoplanRecipes());

    private final DriverInfo info;

    @Activate
    public ThermoplanDriver(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    /** Outside OSGi (tests, the simulator's round-trip tests) the caller names the version. */
    public ThermoplanDriver(String version) {
        // No SQL: the BW4 keeps its data behind the D2D service, not in a database the platform may query.
        this.info = new DriverInfo(FAMILY, "Thermoplan", version, CONTENT_TYPE,
                List.of("Black&White4 compact", "Black&White4 CTM"),
                EnumSet.of(Capability.TELEMETRY, Capability.COMMANDS, Capability.RECIPES, Capability.FILES,
                        Capability.PROMO_IMAGES));
    }

    @Override
    public DriverInfo info() {
        return info;
    }

    @Override
    public DecodeResult decode(TelemetryBatch batch) {
        return ThermoplanBatchDecoder.decode(batch);
    }

    @Override
    public List<CommandSpec> commands() {
        return ThermoplanCommands.TABLE.specs();
    }

    @Override
    public CommandPlan plan(String commandId, Map<String, String> args) {
        return ThermoplanCommands.TABLE.plan(commandId, args);
    }

    @Override
    public Optional<RecipeDialect> recipes() {
        return RECIPES;
    }

    // The BW4's 10-inch screen is 1280x800 and its player keeps images in RAM: 1 MB at most.
    private static final Optional<PromoImageSpec> PROMO = Optional.of(new PromoImageSpec(Set.of("png", "jpeg"), 1024L * 1024, 1280, 800, "promo"));

    @Override
    public Optional<PromoImageSpec> promoImages() {
        return PROMO;
    }
}
