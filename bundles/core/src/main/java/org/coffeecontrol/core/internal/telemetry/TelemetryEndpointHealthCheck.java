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
 * UP once the machines' endpoint is really published by the JAX-RS whiteboard, not merely registered, and the
 * whiteboard has settled: the whiteboard redeploys the whole application whenever a resource or extension comes or
 * goes, and while it does every endpoint answers a bare 404. During start-up machines would otherwise get that 404
 * for a valid address and scripts that wait for health would start the fleet too early. The health endpoint treats
 * a missing "telemetry" check as down.
 */
@Component(service = HealthCheck.class)
public class TelemetryEndpointHealthCheck implements HealthCheck {

    /** How long the whiteboard must have been unchanged to count as settled. */
    static final long SETTLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(3);

    private final JaxrsServiceRuntime runtime;
    private final ServiceReference<JaxrsServiceRuntime> runtimeRef;
    private final long resourceServiceId;
    private final java.util.function.LongSupplier clock;
    private long lastChangeCount = Long.MIN_VALUE;
    private long changedAt;
    private volatile boolean everSettled;

    @Activate
    public TelemetryEndpointHealthCheck(@Reference JaxrsServiceRuntime runtime,
            @Reference(service = JaxrsServiceRuntime.class) ServiceReference<JaxrsServiceRuntime> runtimeRef,
            @Reference(service = TelemetryResource.class) ServiceReference<TelemetryResource> resource) {
        this(runtime, runtimeRef, (Long) resource.getProperty(Constants.SERVICE_ID), System::nanoTime);
    }

    TelemetryEndpointHealthCheck(JaxrsServiceRuntime runtime, ServiceReference<JaxrsServiceRuntime> runtimeRef,
            long resourceServiceId, java.util.function.LongSupplier clock) {
        this.runtime = runtime;
        this.runtimeRef = runtimeRef;
        this.resourceServiceId = resourceServiceId;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "telemetry";
    }

    @Override
    public HealthStatus check() {
        if (!published(runtime.getRuntimeDTO(), resourceServiceId)) {
            return HealthStatus.down("machine endpoint not published yet");
        }
        if (!settled()) {
            // Down only while starting; later a bundle coming or going republishes for a moment: degraded.
            return everSettled
                    ? new HealthStatus(HealthStatus.State.DEGRADED, "REST endpoints are being republished", Map.of())
                    : HealthStatus.down("REST endpoints are being published");
        }
        everSettled = true;
        return HealthStatus.up("machine endpoint published", Map.of("path", "/api/telemetry/{family}/{serial}"));
    }

    private synchronized boolean settled() {
        Object property = runtimeRef.getProperty(Constants.SERVICE_CHANGECOUNT);
        long count = property instanceof Number n ? n.longValue() : 0;
        long now = clock.getAsLong();
        if (count != lastChangeCount) {
            lastChangeCount = count;
            changedAt = now;
        }
        return now - changedAt >= SETTLE_NANOS;
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
