package org.coffeecontrol.core.internal.telemetry;

import java.util.Map;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.telemetry.DriverStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** UP with the installed families; DEGRADED when no driver is installed (telemetry then only piles up). */
@Component(service = HealthCheck.class)
public class DriversHealthCheck implements HealthCheck {

    private final TelemetryServiceImpl telemetry;

    @Activate
    public DriversHealthCheck(@Reference TelemetryServiceImpl telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public String name() {
        return "drivers";
    }

    @Override
    public HealthStatus check() {
        var drivers = telemetry.drivers();
        Map<String, Object> details = Map.of("families", drivers.stream().map(DriverStatus::family).toList(),
                "ingestBacklog", telemetry.backlog());
        return drivers.isEmpty()
                ? new HealthStatus(HealthStatus.State.DEGRADED, "no machine driver installed", details)
                : HealthStatus.up(drivers.size() + " driver(s)", details);
    }
}
