package org.coffeecontrol.shell.internal;

import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "equipment-show", description = "Shows one machine: model, place, host, firmware, attributes")
public class EquipmentShowCommand extends CoffeeAction {

    @Argument(name = "equipment", description = "Serial number, inventory number or ID", required = true)
    @Completion(SerialCompleter.class)
    String equipment;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        Equipment e = lookup.equipment(equipment);
        EquipmentModel model = catalog.model(caller, e.modelId());
        output.heading("Equipment #" + e.id() + " serial " + Output.text(e.serialNumber()));
        output.field("Model", Output.named(model.name(), model.id()) + ", " + Output.text(model.manufacturer()));
        output.field("Family", model.family());
        if (e.posId() == null) {
            output.field("Point of sale", "(in stock)");
        } else {
            PointOfSale pos = catalog.pointOfSale(caller, e.posId());
            output.field("Point of sale", Output.named(pos.name(), pos.id()));
            output.field("Client", Output.named(lookup.clientName(pos.clientId()), pos.clientId()));
        }
        output.field("Inventory number", e.inventoryNumber());
        output.field("Host", e.host() == null ? null : e.host() + ":" + (e.sshPort() == null ? 22 : e.sshPort()));
        output.field("Ownership", e.rented() ? "rented" : "owned");
        output.block("Firmware", new TreeMap<>(e.firmware()));
        output.block("Attributes", new TreeMap<>(e.attributes()));
    }
}
