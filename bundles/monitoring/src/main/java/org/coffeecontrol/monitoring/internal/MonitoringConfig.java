package org.coffeecontrol.monitoring.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** ConfigAdmin PID {@code org.coffeecontrol.monitoring}. */
@ObjectClassDefinition(name = "Coffee Control monitoring", description = "Online detection and problem rules")
public @interface MonitoringConfig {

    String PID = "org.coffeecontrol.monitoring";

    @AttributeDefinition(description = "Silence in seconds after which a machine is not online (machines send a "
            + "heartbeat every 60 s)")
    long offlineAfterSeconds() default 180;

    @AttributeDefinition(description = "Per monitoring package, PACKAGE=SECONDS, e.g. Premium=120")
    String[] packageOfflineAfterSeconds() default {};

    @AttributeDefinition(description = "Seconds a CRITICAL error must stay raised before it becomes a problem")
    long errorDebounceSeconds() default 30;

    @AttributeDefinition(description = "Time zone of opening hours and day periods; empty: the system's")
    String zone() default "";

    @AttributeDefinition(description = "Seconds between silence checks")
    long sweepSeconds() default 15;

    @AttributeDefinition(description = "Seconds between reloads of equipment and points of sale from the catalogue")
    long catalogRefreshSeconds() default 60;
}
