package org.coffeecontrol.drivers.drcoffee.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;

/**
 * The Dr.Coffee command set (RC-1), run with the {@code dcc} tool of the CoffeeZone controller. Each command is a
 * template; arguments fill their {@code {name}} placeholder only after they matched their pattern.
 */
final class DrCoffeeCommands {

    private record Entry(CommandSpec spec, String template, Duration timeout) {
    }

    /** Independent of each pattern: even a loose pattern cannot let a shell metacharacter through. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final ArgSpec PIN = new ArgSpec("pin", "PIN", "[0-9]{4,6}", true);
    /** Serials as printed on the type plate: two to four letters, then digits. */
    private static final ArgSpec SERIAL = new ArgSpec("serial", "New serial number", "[A-Z]{2,4}[0-9]{6,10}", false);
    private static final ArgSpec COUNT = new ArgSpec("count", "Number of products", "[1-9][0-9]?|100", false);
    private static final Duration SHORT = Duration.ofSeconds(20);

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("connection-test", "Connection test", "Checks that the controller answers", List.of(), false,
                "dcc PING", SHORT);
        add("reboot", "Reboot machine", "Restarts the machine", List.of(), true, "dcc REBOOT",
                Duration.ofSeconds(60));
        add("soft-reboot", "Soft reboot of the module", "Restarts the touch-screen application", List.of(), true,
                "dcc RESTART UI", Duration.ofSeconds(30));
        add("pin-on", "PIN on", "Locks the menu behind a PIN", List.of(), true, "dcc PIN ON", SHORT);
        add("pin-off", "PIN off", "Unlocks the menu", List.of(), true, "dcc PIN OFF", SHORT);
        add("enter-service-pin", "Enter service PIN", "Opens the service menu", List.of(PIN), true,
                "dcc PIN SERVICE {pin}", SHORT);
        add("enter-pin", "Enter PIN", "Types a PIN at user level", List.of(PIN), true, "dcc PIN USER {pin}", SHORT);
        add("change-serial", "Change serial number", "Writes the serial into an exchanged controller board",
                List.of(SERIAL), true, "dcc SETSERIAL {serial}", SHORT);
        add("backup-recipes", "Back up recipes", "Copies the recipes to the controller's storage", List.of(),
                false, "dcc BACKUP RECIPES", Duration.ofSeconds(60));
        add("not-serviced-on", "Machine not serviced: on", "Shows \"not serviced\" and blocks sales", List.of(),
                true, "dcc NOSERVICE ON", SHORT);
        add("not-serviced-off", "Machine not serviced: off", "Lifts the \"not serviced\" block", List.of(), true,
                "dcc NOSERVICE OFF", SHORT);
        add("last-drinks", "Last drinks", "Lists the most recent drinks", List.of(COUNT), false, "dcc LAST {count}",
                SHORT);
        add("read-screen", "Read the screen", "Returns the text on the touch screen", List.of(), false,
                "dcc SCREEN", SHORT);
    }

    private static void add(String id, String label, String description, List<ArgSpec> args, boolean changes,
            String template, Duration timeout) {
        ENTRIES.put(id, new Entry(new CommandSpec(id, label, description, args, changes), template, timeout));
    }

    static final List<CommandSpec> SPECS = ENTRIES.values().stream().map(Entry::spec).toList();

    private DrCoffeeCommands() {
    }

    static CommandPlan plan(String commandId, Map<String, String> args) {
        Entry entry = commandId == null ? null : ENTRIES.get(commandId);
        if (entry == null) {
            return new CommandPlan.Refused("not a Dr.Coffee command");
        }
        Map<String, String> given = args == null ? Map.of() : args;
        List<ArgSpec> specs = entry.spec().args();
        for (String name : given.keySet()) {
            if (specs.stream().noneMatch(a -> a.name().equals(name))) {
                return new CommandPlan.Refused(commandId + " takes no argument '" + name + "'");
            }
        }
        String line = entry.template();
        for (ArgSpec spec : specs) {
            String value = given.get(spec.name());
            if (value == null) {
                return new CommandPlan.Refused(commandId + " needs '" + spec.name() + "'");
            }
            // Never quote the value back: PINs are secret, and the caller knows what it sent.
            if (!SAFE_VALUE.matcher(value).matches() || !Pattern.matches(spec.pattern(), value)) {
                return new CommandPlan.Refused(commandId + ": '" + spec.name() + "' is not of the form "
                        + spec.pattern());
            }
            line = line.replace("{" + spec.name() + "}", value);
        }
        return new CommandPlan.Exec(line, entry.timeout());
    }
}
