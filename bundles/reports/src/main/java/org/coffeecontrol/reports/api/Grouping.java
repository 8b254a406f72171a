package org.coffeecontrol.reports.api;

/**
 * A level of grouping. A request lists them in order (outermost first); {@link #LOCATION} is the point of sale,
 * {@link #PERIOD} buckets by the request's {@link Periodicity}.
 */
public enum Grouping {
    CLIENT, REGION, LOCATION, EQUIPMENT, PRODUCT, SENSOR, PERIOD
}
