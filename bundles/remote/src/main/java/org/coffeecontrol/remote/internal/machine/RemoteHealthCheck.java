package org.coffeecontrol.remote.internal.machine;

import java.util.Map;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code remote} in {@code GET /api/health}: how busy the SSH transport is. Never DOWN: machines being unreachable
 * is their state, not the platform's.
 */
@Component(service = HealthCheck.class)
public class RemoteHealthCheck implements HealthCheck {

    private final MachineGateway gateway;

    @Activate
    public RemoteHealthCheck(@Reference MachineGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public HealthStatus check() {
        int inFlight = gateway.transport().inFlight();
        int max = gateway.settings().transport().maxSessions();
        Map<String, Object> details = Map.of("operationsInFlight", inFlight, "maxSessions", max,
                "drivers", gateway.families());
        return inFlight > max
                ? new HealthStatus(HealthStatus.State.DEGRADED, "remote operations are queueing", details)
                : HealthStatus.up("SSH transport ready", details);
    }
}
