package org.coffeecontrol.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.security.Caller;

@Service
@Command(scope = "coffee", name = "equipment-add", description = "Registers a machine",
        detailedDescription = "Options go before the serial.\n"
                + "Example: coffee:equipment-add --model \"WMF 1500S+\" --pos 10234 --host 10.1.2.3 "
                + "--firmware main=3.2.1 --attr boilers=2 1500-0042")
public class EquipmentAddCommand extends CoffeeAction {

    @Argument(name = "serial", description = "Serial number (unique per model)", required = true)
    String serial;

    @Option(name = "--model", aliases = "-m", required = true, description = "Model (ID or name)")
    @Completion(ModelCompleter.class)
    String model;

    @Option(name = "--pos", aliases = "-p", description = "Point of sale it stands at (ID, code or name); omit while in stock")
    @Completion(PosCompleter.class)
    String pos;

    @Option(name = "--inventory", aliases = "-i", description = "Inventory number")
    String inventory;

    @Option(name = "--host", description = "IP address or host name for remote control")
    String host;

    @Option(name = "--ssh-port", description = "SSH port when not 22")
    Integer sshPort;

    @Option(name = "--firmware", multiValued = true, description = "Firmware version per component: main=3.2.1 (repeatable)")
    List<String> firmware;

    @Option(name = "--attr", multiValued = true, description = "Technical attribute: key=value (repeatable)")
    List<String> attributes;

    @Option(name = "--rented", description = "The machine is rented (default: owned)")
    boolean rented;

    @Override
    void run(Caller caller, Output output) {
        CatalogLookup lookup = lookup(caller);
        Equipment saved = catalog.saveEquipment(caller, new Equipment(null, lookup.model(model).id(), serial,
                lookup.posId(Arguments.optional(pos)), Arguments.optional(inventory), Arguments.optional(host),
                sshPort, Arguments.keyValues("firmware", firmware), rented,
                Arguments.keyValues("attr", attributes), 0));
        output.line("Registered equipment #" + saved.id() + " serial " + saved.serialNumber() + " at "
                + (saved.posId() == null ? "stock" : Output.named(lookup.posName(saved.posId()), saved.posId())));
    }
}
