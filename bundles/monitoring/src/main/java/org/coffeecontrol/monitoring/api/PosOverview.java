package org.coffeecontrol.monitoring.api;

/**
 * One point of sale on the overview (MON-3): coloured by the worst state of its machines.
 *
 * @param status worst {@link MachineStatus} of its machines; CLOSED for a POS without machines
 */
public record PosOverview(long posId, String name, String code, long clientId, Double latitude, Double longitude,
        MachineStatus status, int machines, int online, int openProblems) {
}
