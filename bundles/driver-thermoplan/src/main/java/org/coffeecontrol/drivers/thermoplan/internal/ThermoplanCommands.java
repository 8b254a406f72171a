package org.coffeecontrol.drivers.thermoplan.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;

/**
 * The Thermoplan command set (RC-1), run with the {@code d2d} command-line client of the machine's D2D service.
 * Arguments become {@code --name=value} options in the order of their specs, after validation.
 */
final class ThermoplanCommands {

    private record Entry(CommandSpec spec, String verb, Duration timeout) {
    }

    /** Independent of each pattern: even a loose pattern cannot let a shell metacharacter through. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The BW4 keypad takes four digits. */
    private static final ArgSpec PIN = new ArgSpec("pin", "PIN", "[0-9]{4}", true);
    private static final ArgSpec COUNT = new ArgSpec("count", "Number of products", "[1-9][0-9]?|100", false);
    private static final Duration SHORT = Duration.ofSeconds(20);

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("connection-test", "Connection test", "Checks that the D2D service answers", List.of(), false,
                "d2d ping", SHORT);
        add("reboot", "Reboot machine", "Restarts the machine", List.of(), true, "d2d machine restart",
                Duration.ofSeconds(90));
        add("soft-reboot", "Soft reboot of the module", "Restarts the D2D service only", List.of(), true,
                "d2d service restart", Duration.ofSeconds(30));
        add("pin-on", "PIN on", "Locks the touch screen", List.of(), true, "d2d lock on", SHORT);
        add("pin-off", "PIN off", "Unlocks the touch screen", List.of(), true, "d2d lock off", SHORT);
        add("enter-service-pin", "Enter service PIN", "Opens the service menu", List.of(PIN), true,
                "d2d unlock --level=service", SHORT);
        add("enter-pin", "Enter PIN", "Types a PIN at user level", List.of(PIN), true, "d2d unlock --level=user",
                SHORT);
        add("backup-recipes", "Back up recipes", "Exports the beverage table to the module", List.of(), false,
                "d2d recipes export --target=module", Duration.ofSeconds(60));
        add("not-serviced-on", "Machine not serviced: on", "Puts the machine out of service", List.of(), true,
                "d2d out-of-service on", SHORT);
        add("not-serviced-off", "Machine not serviced: off", "Puts the machine back in service", List.of(), true,
                "d2d out-of-service off", SHORT);
        add("last-drinks", "Last drinks", "Lists the most recent products", List.of(COUNT), false,
                "d2d products history", SHORT);
        add("read-screen", "Read the screen", "Returns the texts shown on the touch screen", List.of(), false,
                "d2d screen text", SHORT);
    }

    private static void add(String id, String label, String description, List<ArgSpec> args, boolean changes,
            String verb, Duration timeout) {
        ENTRIES.put(id, new Entry(new CommandSpec(id, label, description, args, changes), verb, timeout));
    }

    static final List<CommandSpec> SPECS = ENTRIES.values().stream().map(Entry::spec).toList();

    private ThermoplanCommands() {
    }

    static CommandPlan plan(String commandId, Map<String, String> args) {
        Entry entry = commandId == null ? null : ENTRIES.get(commandId);
        if (entry == null) {
            return new CommandPlan.Refused("not a Thermoplan command");
        }
        Map<String, String> given = args == null ? Map.of() : args;
        List<ArgSpec> specs = entry.spec().args();
        for (String name : given.keySet()) {
            if (specs.stream().noneMatch(a -> a.name().equals(name))) {
                return new CommandPlan.Refused(commandId + " takes no argument '" + name + "'");
            }
        }
        StringBuilder line = new StringBuilder(entry.verb());
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
            line.append(" --").append(spec.name()).append('=').append(value);
        }
        return new CommandPlan.Exec(line.toString(), entry.timeout());
    }
}
