package org.coffeecontrol.api.driver;

import java.util.List;
import java.util.Set;

/**
 * What a driver is and can do.
 *
 * @param family      the family key, equal to the {@code coffee.family} service property
 * @param contentType the media type of its telemetry payloads, e.g. {@code application/json}
 * @param models      model names this driver is known to speak to
 */
public record DriverInfo(String family, String displayName, String version, String contentType,
        List<String> models, Set<Capability> capabilities) {

    public DriverInfo {
        models = List.copyOf(models);
        capabilities = Set.copyOf(capabilities);
    }
}
