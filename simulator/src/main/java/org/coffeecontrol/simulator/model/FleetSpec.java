package org.coffeecontrol.simulator.model;

/** How big a fleet to play; with the same values the fleet is the same, machine for machine. */
public record FleetSpec(long seed, int machines, int pointsOfSale, int clients) {

    public FleetSpec {
        if (machines < 1) {
            throw new IllegalArgumentException("machines must be at least 1");
        }
        if (pointsOfSale < 1 || clients < 1) {
            throw new IllegalArgumentException("pos and clients must be at least 1");
        }
        if (clients > pointsOfSale) {
            throw new IllegalArgumentException("more clients (" + clients + ") than points of sale (" + pointsOfSale + ")");
        }
    }

    /** The demo fleet of the README: 3 clients, 50 points of sale, 120 machines. */
    public static FleetSpec demo(long seed) {
        return new FleetSpec(seed, 120, 50, 3);
    }
}
