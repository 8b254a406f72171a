package org.coffeecontrol.api.telemetry;

/**
 * A machine that has just called home and proved its secret: what a {@link MachineOutbox} needs to find the work
 * waiting for it.
 */
public record PolledMachine(long equipmentId, String family, String serial) {
}
