package org.coffeecontrol.remote.api;

import java.time.Instant;
import java.util.List;

/**
 * Result of a fleet-wide drift check.
 *
 * @param checked  machines whose recipes were compared (read or not)
 * @param machines only those that deviate or could not be read, most deviations first
 */
public record DriftReport(Instant checkedAt, int checked, List<MachineDrift> machines) {
    public DriftReport {
        machines = List.copyOf(machines);
    }
}
