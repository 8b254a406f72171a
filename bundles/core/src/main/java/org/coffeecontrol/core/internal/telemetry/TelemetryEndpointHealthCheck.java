package org.coffeecontrol.core.internal.telemetry;

import java.util.Map;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

/**
 * UP once the machines' endpoint is really published by the JAX-RS whiteboard, not merely registered: during
 * start-up machines would otherwise get a bare 404 for a valid address, and scripts that wait for health would
 * start the fleet too early. The health endpoint treats a missing "telemetry" check as down.
 */
@Component(service = HealthCheck.class)
public class TelemetryEndpointHealthCheck implements HealthCheck {

    private final JaxrsServiceRuntime runtime;
    private final long resourceServiceId;

    @Activate
    public TelemetryEndpointHealthCheck(@Reference JaxrsServiceRuntime runtime,
            @Reference(service = TelemetryResource.class) ServiceReference<TelemetryResource> resource) {
        this.runtime = runtime;
        this.resourceServiceId = (Long) resource.getProperty(Constants.SERVICE_ID);
    }

    @Override
    public String name() {
        return "telemetry";
    }

    @Override
    public HealthStatus check() {
        return published(runtime.getRuntimeDTO(), resourceServiceId)
                ? HealthStatus.up("machine endpoint published", Map.of("path", "/api/telemetry/{family}/{serial}"))
                : HealthStatus.down("machine endpoint not published yet");
    }

    static boolean published(RuntimeDTO dto, long serviceId) {
        if (dto == null) {
            return false;
        }
        if (contains(dto.defaultApplication, serviceId)) {
            return true;
        }
        if (dto.applicationDTOs != null) {
            for (ApplicationDTO app : dto.applicationDTOs) {
                if (contains(app, serviceId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(ApplicationDTO app, long serviceId) {
        if (app == null || app.resourceDTOs == null) {
            return false;
        }
        for (ResourceDTO r : app.resourceDTOs) {
            if (r.serviceId == serviceId) {
                return true;
            }
        }
        return false;
    }
}
