package org.coffeecontrol.remote.internal.promo;

import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.remote.internal.machine.Machine;

/** A machine a campaign is for, with the client its send-log line belongs to (null: in stock, no POS). */
record Recipient(Machine machine, Long clientId) {

    EquipmentModel model() {
        return machine.model();
    }
}
