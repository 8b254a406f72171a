package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
}
