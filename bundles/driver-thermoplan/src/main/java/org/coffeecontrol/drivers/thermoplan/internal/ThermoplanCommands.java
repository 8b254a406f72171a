package org.coffeecontrol.drivers.thermoplan.internal;

import java.time.Duration;
import java.util.List;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.driverkit.command.CommandTable;

/**
 * The Thermoplan command set (RC-1), run with the {@code bw4ctl} tool of the machine's controller. Each command is
 * a template; arguments fill their {@code {name}} placeholder only after they matched their pattern.
 */
final class ThermoplanCommands {

    /** The BW4 keypad takes four digits. */
    private static final ArgSpec PIN = new ArgSpec("pin", "PIN", "[0-9]{4}", true);
    private static final ArgSpec COUNT = new ArgSpec("count", "Number of products", "[1-9][0-9]?|100", false);
    private static final Duration SHORT = Duration.ofSeconds(20);

    static final CommandTable TABLE = CommandTable.builder("Thermoplan")
            .add("connection-test", "Connection test", "Checks that the controller answers", List.of(), false,
                    "bw4ctl ping", SHORT)
            .add("reboot", "Reboot machine", "Restarts the machine", List.of(), true, "bw4ctl restart",
                    Duration.ofSeconds(90))
            .add("soft-reboot", "Soft reboot of the module", "Restarts the controller software only", List.of(), true,
                    "bw4ctl restart-controller", Duration.ofSeconds(30))
            .add("pin-on", "PIN on", "Locks the touch screen", List.of(), true, "bw4ctl lock", SHORT)
            .add("pin-off", "PIN off", "Unlocks the touch screen", List.of(), true, "bw4ctl unlock", SHORT)
            .add("enter-service-pin", "Enter service PIN", "Opens the service menu", List.of(PIN), true,
                    "bw4ctl pin service {pin}", SHORT)
            .add("enter-pin", "Enter PIN", "Types a PIN at user level", List.of(PIN), true, "bw4ctl pin user {pin}",
                    SHORT)
            .add("backup-recipes", "Back up recipes", "Exports the beverage table to the module", List.of(), false,
                    "bw4ctl recipes export", Duration.ofSeconds(60))
            .add("not-serviced-on", "Machine not serviced: on", "Sets the out-of-service flag", List.of(), true,
                    "bw4ctl service-flag set", SHORT)
            .add("not-serviced-off", "Machine not serviced: off", "Clears the out-of-service flag", List.of(), true,
                    "bw4ctl service-flag clear", SHORT)
            .add("last-drinks", "Last drinks", "Lists the most recent products", List.of(COUNT), false,
                    "bw4ctl products last {count}", SHORT)
            .add("read-screen", "Read the screen", "Returns the texts shown on the touch screen", List.of(), false,
                    "bw4ctl display", SHORT)
            .build();

    private ThermoplanCommands() {
    }
}
