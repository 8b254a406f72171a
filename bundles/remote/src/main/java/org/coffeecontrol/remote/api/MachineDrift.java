package org.coffeecontrol.remote.api;

import java.util.List;

/**
 * One machine of a drift check.
 *
 * @param outcome {@link Outcome#OK} when its recipes were read; otherwise why not ({@code message})
 */
public record MachineDrift(long equipmentId, String serial, String model, long clientId, Outcome outcome,
        String message, List<RecipeDeviation> deviations) {
    public MachineDrift {
        deviations = List.copyOf(deviations);
    }
}
