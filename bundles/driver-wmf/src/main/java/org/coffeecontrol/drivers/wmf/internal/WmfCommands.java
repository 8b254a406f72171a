package org.coffeecontrol.drivers.wmf.internal;

import java.time.Duration;
import java.util.List;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.driverkit.command.CommandTable;

/**
 * The WMF command set (RC-1). Each command is a template for the {@code wmf-service} tool of the CoffeeConnect
 * module; arguments are substituted only after they matched their pattern.
 */
final class WmfCommands {

    private static final ArgSpec PIN = new ArgSpec("pin", "PIN", "[0-9]{4,6}", true);
    private static final ArgSpec COUNT = new ArgSpec("count", "Number of drinks", "[1-9][0-9]?|100", false);
    private static final Duration SHORT = Duration.ofSeconds(15);

    static final CommandTable TABLE = CommandTable.builder("WMF")
            .add("connection-test", "Connection test", "Checks that the module answers", List.of(), false,
                    "wmf-service ping", SHORT)
            .add("reboot", "Reboot machine", "Restarts the whole coffee machine", List.of(), true,
                    "wmf-service reboot machine", Duration.ofSeconds(60))
            .add("soft-reboot", "Soft reboot of the module", "Restarts only the CoffeeConnect control module",
                    List.of(), true, "wmf-service reboot module", Duration.ofSeconds(30))
            .add("first-start", "First start", "Runs the WMF service program \"first run-up\"", List.of(), true,
                    "wmf-service first-start", Duration.ofMinutes(5))
            .add("pin-on", "PIN on", "Locks the user interface behind a PIN", List.of(), true, "wmf-service pin on",
                    SHORT)
            .add("pin-off", "PIN off", "Unlocks the user interface", List.of(), true, "wmf-service pin off", SHORT)
            .add("enter-service-pin", "Enter service PIN", "Opens the service level", List.of(PIN), true,
                    "wmf-service pin enter service {pin}", SHORT)
            .add("enter-pin", "Enter PIN", "Types a PIN as a user would", List.of(PIN), true,
                    "wmf-service pin enter user {pin}", SHORT)
            .add("backup-recipes", "Back up recipes", "Copies the recipes to the module's storage", List.of(), false,
                    "wmf-service recipes backup", Duration.ofSeconds(60))
            .add("not-serviced-on", "Machine not serviced: on", "Shows \"not serviced\" and blocks sales", List.of(),
                    true, "wmf-service not-serviced on", SHORT)
            .add("not-serviced-off", "Machine not serviced: off", "Lifts the \"not serviced\" block", List.of(), true,
                    "wmf-service not-serviced off", SHORT)
            .add("last-drinks", "Last drinks", "Lists the most recent drinks", List.of(COUNT), false,
                    "wmf-service drinks last {count}", SHORT)
            .add("read-screen", "Read the screen", "Returns the text on the machine's display (SCREEN)", List.of(),
                    false, "wmf-service screen", SHORT)
            .build();

    private WmfCommands() {
    }
}
