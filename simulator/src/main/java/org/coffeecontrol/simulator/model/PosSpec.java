package org.coffeecontrol.simulator.model;

import java.util.Map;

import org.coffeecontrol.api.catalog.OpeningHours;

/**
 * A simulated point of sale.
 *
 * @param openingHours  in the form of {@link org.coffeecontrol.api.catalog.PointOfSale#openingHours()}
 * @param traffic       how busy it is relative to an average shop (drinks per hour scale)
 */
public record PosSpec(String code, String name, String clientCode, RegionSpec region, String address,
        double latitude, double longitude, Map<String, String> openingHours, String cleaningTimes,
        String monitoringPackage, String slaLevel, double traffic) {

    public PosSpec {
        openingHours = Map.copyOf(openingHours);
    }

    public OpeningHours hours() {
        return OpeningHours.parse(openingHours, "openingHours");
    }
}
