package org.coffeecontrol.simulator.model;

import java.util.Map;

/** A simulated machine as the catalogue knows it. */
public record MachineSpec(String serial, String family, String model, String posCode, String inventoryNumber,
        Map<String, String> firmware, boolean rented) {

    public MachineSpec {
        firmware = Map.copyOf(firmware);
    }
}
