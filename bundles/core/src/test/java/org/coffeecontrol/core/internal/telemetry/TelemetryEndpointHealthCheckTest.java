package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.coffeecontrol.api.health.HealthStatus.State;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

class TelemetryEndpointHealthCheckTest {

    private static ApplicationDTO app(long... resourceIds) {
        ApplicationDTO a = new ApplicationDTO();
        a.resourceDTOs = new ResourceDTO[resourceIds.length];
        for (int i = 0; i < resourceIds.length; i++) {
            a.resourceDTOs[i] = new ResourceDTO();
            a.resourceDTOs[i].serviceId = resourceIds[i];
        }
        return a;
    }

    @Test
    void publishedOnlyWhenTheRuntimeListsTheResource() {
        RuntimeDTO dto = new RuntimeDTO();
        assertFalse(TelemetryEndpointHealthCheck.published(null, 7));
        assertFalse(TelemetryEndpointHealthCheck.published(dto, 7));
        dto.defaultApplication = app(3, 5);
        assertFalse(TelemetryEndpointHealthCheck.published(dto, 7));
        dto.applicationDTOs = new ApplicationDTO[] { app(7) };
        assertTrue(TelemetryEndpointHealthCheck.published(dto, 7));
        dto.applicationDTOs = null;
        dto.defaultApplication = app(3, 7);
        assertTrue(TelemetryEndpointHealthCheck.published(dto, 7));
    }

    @Test
    void downWhileTheWhiteboardKeepsChangingUpOnceItSettled() {
        RuntimeDTO dto = new RuntimeDTO();
        dto.defaultApplication = app(7);
        AtomicLong changeCount = new AtomicLong(1);
        AtomicLong now = new AtomicLong();
        JaxrsServiceRuntime runtime = () -> dto;
        TelemetryEndpointHealthCheck check = new TelemetryEndpointHealthCheck(runtime, new Ref(changeCount), 7,
                now::get);
        assertEquals(State.DOWN, check.check().state());
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(State.DOWN, check.check().state());
        changeCount.incrementAndGet();
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(State.DOWN, check.check().state(), "a change restarts the settle time");
        now.addAndGet(TimeUnit.SECONDS.toNanos(3));
        assertEquals(State.UP, check.check().state());
        changeCount.incrementAndGet();
        assertEquals(State.DEGRADED, check.check().state(), "after start-up a republish only degrades");
        now.addAndGet(TimeUnit.SECONDS.toNanos(3));
        assertEquals(State.UP, check.check().state());
        dto.defaultApplication = app(3);
        assertEquals(State.DOWN, check.check().state(), "endpoint gone");
    }

    /** Only the change count is read from the runtime's registration. */
    private record Ref(AtomicLong changeCount) implements ServiceReference<JaxrsServiceRuntime> {
        @Override
        public Object getProperty(String key) {
            return Constants.SERVICE_CHANGECOUNT.equals(key) ? changeCount.get() : null;
        }

        @Override
        public String[] getPropertyKeys() {
            return new String[] { Constants.SERVICE_CHANGECOUNT };
        }

        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public Bundle[] getUsingBundles() {
            return null;
        }

        @Override
        public boolean isAssignableTo(Bundle bundle, String className) {
            return false;
        }

        @Override
        public int compareTo(Object reference) {
            return 0;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return null;
        }

        @Override
        public <A> A adapt(Class<A> type) {
            return null;
        }
    }
}
