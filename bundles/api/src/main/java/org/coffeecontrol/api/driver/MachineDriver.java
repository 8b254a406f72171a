package org.coffeecontrol.api.driver;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One machine family's driver. Implementations must be stateless and thread-safe: core calls them from many
 * threads at once. No method may throw for bad input; failures are values.
 */
@ConsumerType
public interface MachineDriver {

    /** Service property carrying the family key (lower case, e.g. {@code wmf}). */
    String FAMILY_PROPERTY = "coffee.family";

    DriverInfo info();

    /**
     * Decodes one batch as sent by the machine's daemon. A batch is decoded whole or rejected whole, so a
     * rejected batch can be kept as a dead letter and replayed later.
     */
    DecodeResult decode(TelemetryBatch batch);

    /** The allow-listed commands this family supports (RC-1). */
    List<CommandSpec> commands();

    /**
     * Turns a command and its arguments into what is run on the machine, after validating every argument
     * against its {@link ArgSpec}. Unknown commands and bad arguments are {@link CommandPlan.Refused}.
     */
    CommandPlan plan(String commandId, Map<String, String> args);

    /**
     * How this family reads and writes recipes (RC-2), or empty when none of its models keeps editable recipes.
     * A default method so that drivers written against 1.0 keep working unchanged.
     *
     * @since 1.1
     */
    default Optional<RecipeDialect> recipes() {
        return Optional.empty();
    }

    /**
     * The promo images this family's screens show (RC-6), or empty when its machines show none. Declared by every
     * driver whose capabilities include {@link Capability#PROMO_IMAGES}.
     *
     * @since 1.2
     */
    default Optional<PromoImageSpec> promoImages() {
        return Optional.empty();
    }
}
