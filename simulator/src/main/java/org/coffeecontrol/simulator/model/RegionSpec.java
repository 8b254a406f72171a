package org.coffeecontrol.simulator.model;

import java.time.ZoneId;

/** A region of the catalogue; the simulator uses real cities so that maps and local time look right. */
public record RegionSpec(String code, String name, double latitude, double longitude, ZoneId zone) {
}
