package org.coffeecontrol.drivers.wmf.internal;

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

/** Driver for WMF 1100S, 1500S+ and 5000S+ machines with a CoffeeConnect module. Stateless. */
@Component(service = MachineDriver.class, property = MachineDriver.FAMILY_PROPERTY + "=" + WmfDriver.FAMILY)
public final class WmfDriver implements MachineDriver {

    static final String FAMILY = "wmf";
    static final String CONTENT_TYPE = "application/vnd.coffeecontrol.wmf+json";

    private static final Optional<RecipeDialect> RECIPES = Optional.of(new WmfRecipes());

    private final DriverInfo info;

    @Activate
    public WmfDriver(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    /** Outside OSGi (tests, the simulator's round-trip tests) the caller names the version. */
    public WmfDriver(String version) {
        this.info = new DriverInfo(FAMILY, "WMF", version, CONTENT_TYPE,
                List.of("WMF 1100S", "WMF 1500S+", "WMF 5000S+"),
                EnumSet.of(Capability.TELEMETRY, Capability.COMMANDS, Capability.RECIPES, Capability.SQL,
                        Capability.FILES, Capability.PROMO_IMAGES, Capability.VNC));
    }

    @Override
    public DriverInfo info() {
        return info;
    }

    @Override
    public DecodeResult decode(TelemetryBatch batch) {
        return WmfBatchDecoder.decode(batch);
    }

    @Override
    public List<CommandSpec> commands() {
        return WmfCommands.TABLE.specs();
    }

    @Override
    public CommandPlan plan(String commandId, Map<String, String> args) {
        return WmfCommands.TABLE.plan(commandId, args);
    }

    @Override
    public Optional<RecipeDialect> recipes() {
        return RECIPES;
    }

    // The 1500S+/5000S+ touch screens are full HD; the promo player takes PNG and JPEG up to 2 MB.
    private static final Optional<PromoImageSpec> PROMO = Optional.of(new PromoImageSpec(Set.of("png", "jpeg"), 2L * 1024 * 1024, 1920, 1080, "promo"));

    @Override
    public Optional<PromoImageSpec> promoImages() {
        return PROMO;
    }
}
