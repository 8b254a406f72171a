package org.coffeecontrol.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform that can say whether it works (database, drivers, UI, ...). Register as a service; the
 * health endpoint collects every one present. Must answer fast and never throw.
 */
@ConsumerType
public interface HealthCheck {

    /** Short stable key, e.g. {@code database}. */
    String name();

    HealthStatus check();
}
