package org.coffeecontrol.simulator.model;

/**
 * A family-specific error code the simulator raises. Severity mapping belongs to the drivers; {@code critical}
 * here is what the simulator's canonical events carry and what simulator/README.md documents for them.
 *
 * @param perDay          expected occurrences per machine per day (0 for consumable errors, raised by levels)
 * @param meanMinutes     mean time until the machine clears it by itself (ignored for consumable errors)
 * @param blocksDrinks    true when the machine cannot make drinks while it is active
 */
public record ErrorCode(String code, String text, boolean critical, double perDay, double meanMinutes,
        boolean blocksDrinks) {
}
