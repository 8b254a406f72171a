package org.coffeecontrol.tickets.internal.pretickets;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.api.DriftReport;
import org.coffeecontrol.remote.api.MachineDrift;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.RecipeService;
import org.coffeecontrol.tickets.api.TicketSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator findings for recipe drift: at the configured interval it asks remote control to compare every machine's
 * recipes with its client's approved card and opens a FINDING ticket per machine that deviates (one open at a
 * time). Reading every machine over SSH is not free, so it runs only when {@code org.coffeecontrol.tickets.recipedrift}
 * is configured, and not at all without the remote-control bundle.
 */
@Component(service = RecipeDriftFindings.class, configurationPid = RecipeDriftFindings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RecipeDriftFindings.Config.class)
public class RecipeDriftFindings {

    static final String PID = "org.coffeecontrol.tickets.recipedrift";
    static final String CAUSE = "RECIPE_DRIFT";
    private static final Logger LOG = LoggerFactory.getLogger(RecipeDriftFindings.class);

    @ObjectClassDefinition(name = "Coffee Control recipe drift findings")
    public @interface Config {
        @AttributeDefinition(description = "Hours between drift checks of the whole fleet")
        int intervalHours() default 24;
    }

    private final AutoTickets auto;
    private final RecipeService recipes;
    private final CatalogService catalog;
    private ScheduledExecutorService executor;

    @Activate
    public RecipeDriftFindings(Config config, @Reference AutoTickets auto, @Reference RecipeService recipes,
            @Reference CatalogService catalog) {
        this(auto, recipes, catalog);
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coffee-recipe-findings"));
        long hours = Math.max(1, config.intervalHours());
        executor.scheduleWithFixedDelay(this::checkSafely, 10, hours * 60, TimeUnit.MINUTES);
    }

    public RecipeDriftFindings(AutoTickets auto, RecipeService recipes, CatalogService catalog) {
        this.auto = auto;
        this.recipes = recipes;
        this.catalog = catalog;
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void checkSafely() {
        try {
            check(recipes.drift(Caller.system(), null).get(30, TimeUnit.MINUTES));
        } catch (Exception e) {
            LOG.warn("Recipe drift check failed: {}", e.getMessage());
        }
    }

    /** Opens a finding per machine that deviates; returns how many were opened. */
    public int check(DriftReport report) {
        int opened = 0;
        for (MachineDrift d : report.machines()) {
            if (d.outcome() != Outcome.OK || d.deviations().isEmpty()) {
                continue;
            }
            Equipment e = catalog.equipment(Caller.system(), d.equipmentId());
            if (e.posId() == null) {
                continue;
            }
            String what = d.deviations().stream().limit(10).map(v -> v.product() + " " + v.field() + ": "
                    + v.actual() + " instead of " + v.approved()).collect(Collectors.joining("; "));
            opened += auto.open(new AutoTickets.Request(TicketSource.FINDING, null, "REMOTE", e.posId(),
                    d.equipmentId(), CAUSE, null, "Recipe drift on " + d.serial() + ": " + what), null).isPresent()
                    ? 1 : 0;
        }
        return opened;
    }
}
