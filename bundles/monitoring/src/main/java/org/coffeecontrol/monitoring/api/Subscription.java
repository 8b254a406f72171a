package org.coffeecontrol.monitoring.api;

import java.time.Instant;

/** A user watches a point of sale (MON-8): its events reach them in-app and, when {@code email}, by e-mail. */
public record Subscription(String username, long posId, String posName, boolean email, Instant since) {
}
