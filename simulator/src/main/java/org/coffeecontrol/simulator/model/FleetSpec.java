package org.coffeecontrol.simulator.model;

/**
 * How big a fleet to play; with the same values the fleet is the same, machine for machine.
 *
 * @param codePrefix put before every client code and name and every point-of-sale code ({@code ""} for the demo),
 *                   so that several fleets registered in one platform (test classes sharing a distribution) never
 *                   share a point of sale or a client
 */
public record FleetSpec(long seed, int machines, int pointsOfSale, int clients, String codePrefix) {

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
        codePrefix = codePrefix == null ? "" : codePrefix.strip();
        if (!codePrefix.matches("[A-Za-z0-9-]{0,12}")) {
            throw new IllegalArgumentException("code prefix: up to 12 letters, digits or '-', not '" + codePrefix + "'");
        }
    }

    /** A fleet with the demo's codes ({@code POS-0001}, {@code CL01}, …). */
    public FleetSpec(long seed, int machines, int pointsOfSale, int clients) {
        this(seed, machines, pointsOfSale, clients, "");
    }

    /** The demo fleet of the README: 3 clients, 50 points of sale, 120 machines. */
    public static FleetSpec demo(long seed) {
        return new FleetSpec(seed, 120, 50, 3);
    }

    /** The same fleet with its codes and client names prefixed. */
    public FleetSpec withCodePrefix(String prefix) {
        return new FleetSpec(seed, machines, pointsOfSale, clients, prefix);
    }
}
