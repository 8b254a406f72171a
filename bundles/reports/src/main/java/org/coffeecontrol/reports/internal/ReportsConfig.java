package org.coffeecontrol.reports.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Coffee Control reports", description = "Rollups and report runs")
@interface ReportsConfig {

    String PID = "org.coffeecontrol.reports";

    @AttributeDefinition(description = "Time zone of day buckets and opening hours; empty: the system's. "
            + "Changing it rebuilds the rollups from the stored events.")
    String zone() default "";

    @AttributeDefinition(description = "Seconds between two heartbeats a machine is expected to send")
    long heartbeatSeconds() default 60;

    @AttributeDefinition(description = "A gap between heartbeats longer than this many minutes is an outage")
    long outageMinutes() default 5;

    @AttributeDefinition(description = "Minutes a cleaning may start before or after a scheduled time and still count as within schedule")
    long cleaningToleranceMinutes() default 60;

    @AttributeDefinition(description = "Seconds between catch-ups of the rollups from the stored events (safety net of the listener)")
    long catchUpSeconds() default 60;

    @AttributeDefinition(description = "Report jobs run at once")
    int jobThreads() default 2;

    @AttributeDefinition(description = "Minutes a finished job and its result are kept")
    long jobKeepMinutes() default 30;

    @AttributeDefinition(description = "Default sensor thresholds, e.g. boiler_temp=85..100,milk_level=5..")
    String sensorThresholds() default "boiler_temp=85..100,steam_temp=110..140,milk_temp=..8,beans_level=5..,"
            + "milk_level=5..,water_level=5..,waste_level=..95";
}
