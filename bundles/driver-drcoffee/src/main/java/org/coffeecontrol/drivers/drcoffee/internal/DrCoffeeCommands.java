package org.coffeecontrol.drivers.drcoffee.internal;

import java.time.Duration;
import java.util.List;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.driverkit.command.CommandTable;

/**
 * The Dr.Coffee command set (RC-1), run with the {@code dcc} tool of the CoffeeZone controller. Each command is a
 * template; arguments fill their {@code {name}} placeholder only after they matched their pattern.
 */
final class DrCoffeeCommands {

    private static final ArgSpec PIN = new ArgSpec("pin", "PIN", "[0-9]{4,6}", true);
    /** Serials as printed on the type plate: two to four letters, then digits. */
    private static final ArgSpec SERIAL = new ArgSpec("serial", "New serial number", "[A-Z]{2,4}[0-9]{6,10}", false);
    private static final ArgSpec COUNT = new ArgSpec("count", "Number of products", "[1-9][0-9]?|100", false);
    private static final Duration SHORT = Duration.ofSeconds(20);

    static final CommandTable TABLE = CommandTable.builder("Dr.Coffee")
            .add("connection-test", "Connection test", "Checks that the controller answers", List.of(), false,
                    "dcc PING", SHORT)
            .add("reboot", "Reboot machine", "Restarts the machine", List.of(), true, "dcc REBOOT",
                    Duration.ofSeconds(60))
            .add("soft-reboot", "Soft reboot of the module", "Restarts the touch-screen application", List.of(), true,
                    "dcc RESTART UI", Duration.ofSeconds(30))
            .add("pin-on", "PIN on", "Locks the menu behind a PIN", List.of(), true, "dcc PIN ON", SHORT)
            .add("pin-off", "PIN off", "Unlocks the menu", List.of(), true, "dcc PIN OFF", SHORT)
            .add("enter-service-pin", "Enter service PIN", "Opens the service menu", List.of(PIN), true,
                    "dcc PIN SERVICE {pin}", SHORT)
            .add("enter-pin", "Enter PIN", "Types a PIN at user level", List.of(PIN), true, "dcc PIN USER {pin}", SHORT)
            .add("change-serial", "Change serial number", "Writes the serial into an exchanged controller board",
                    List.of(SERIAL), true, "dcc SETSERIAL {serial}", SHORT)
            .add("backup-recipes", "Back up recipes", "Copies the recipes to the controller's storage", List.of(),
                    false, "dcc BACKUP RECIPES", Duration.ofSeconds(60))
            .add("not-serviced-on", "Machine not serviced: on", "Shows \"not serviced\" and blocks sales", List.of(),
                    true, "dcc NOSERVICE ON", SHORT)
            .add("not-serviced-off", "Machine not serviced: off", "Lifts the \"not serviced\" block", List.of(), true,
                    "dcc NOSERVICE OFF", SHORT)
            .add("last-drinks", "Last drinks", "Lists the most recent drinks", List.of(COUNT), false,
                    "dcc LAST {count}", SHORT)
            .add("read-screen", "Read the screen", "Returns the text on the touch screen", List.of(), false,
                    "dcc SCREEN", SHORT)
            .build();

    private DrCoffeeCommands() {
    }
}
