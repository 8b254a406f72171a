package org.coffeecontrol.remote.internal.machine;

import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;

/** A machine the caller may see, with the family that picks its driver. */
public record Machine(Equipment equipment, EquipmentModel model) {

    public long id() {
        return equipment.id();
    }

    public String serial() {
        return equipment.serialNumber();
    }

    public String family() {
        return model.family();
    }

    public int port() {
        return equipment.sshPort() == null ? 22 : equipment.sshPort();
    }
}
