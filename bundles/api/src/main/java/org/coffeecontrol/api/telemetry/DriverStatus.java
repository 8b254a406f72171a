package org.coffeecontrol.api.telemetry;

import java.util.Set;

import org.coffeecontrol.api.driver.Capability;

/** An installed driver as the platform sees it. */
public record DriverStatus(String family, String displayName, String version, String contentType,
        Set<Capability> capabilities, String bundle, long commands) {
}
