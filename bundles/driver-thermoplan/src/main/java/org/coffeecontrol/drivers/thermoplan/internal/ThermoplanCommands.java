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
 * The Thermoplan command set (RC-1), run with the {@code bw4ctl} tool of the machine's controller. Each command is
 * a template; arguments fill their {@code {name}} placeholder only after they matched their pattern.
 */
final class ThermoplanCommands {

    private record Entry(CommandSpec spec, String template, Duration timeout) {
    }

    /** Independent of each pattern: even a loose pattern cannot let a shell metacharacter through. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The BW4 keypad takes four digits. */
    private static final ArgSpec PIN = new ArgSpec("pin", "PIN", "[0-9]{4}", true);
    private static final ArgSpec COUNT = new ArgSpec("count", "Number of products", "[1-9][0-9]?|100", false);
    private static final Duration SHORT = Duration.ofSeconds(20);

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("connection-test", "Connection test", "Checks that the controller answers", List.of(), false,
                "bw4ctl ping", SHORT);
        add("reboot", "Reboot machine", "Restarts the machine", List.of(), true, "bw4ctl restart",
                Duration.ofSeconds(90));
        add("soft-reboot", "Soft reboot of the module", "Restarts the controller software only", List.of(), true,
                "bw4ctl restart-controller", Duration.ofSeconds(30));
        add("pin-on", "PIN on", "Locks the touch screen", List.of(), true, "bw4ctl lock", SHORT);
        add("pin-off", "PIN off", "Unlocks the touch screen", List.of(), true, "bw4ctl unlock", SHORT);
        add("enter-service-pin", "Enter service PIN", "Opens the service menu", List.of(PIN), true,
                "bw4ctl pin service {pin}", SHORT);
        add("enter-pin", "Enter PIN", "Types a PIN at user level", List.of(PIN), true, "bw4ctl pin user {pin}",
                SHORT);
        add("backup-recipes", "Back up recipes", "Exports the beverage table to the module", List.of(), false,
                "bw4ctl recipes export", Duration.ofSeconds(60));
        add("not-serviced-on", "Machine not serviced: on", "Sets the out-of-service flag", List.of(), true,
                "bw4ctl service-flag set", SHORT);
        add("not-serviced-off", "Machine not serviced: off", "Clears the out-of-service flag", List.of(), true,
                "bw4ctl service-flag clear", SHORT);
        add("last-drinks", "Last drinks", "Lists the most recent products", List.of(COUNT), false,
                "bw4ctl products last {count}", SHORT);
        add("read-screen", "Read the screen", "Returns the texts shown on the touch screen", List.of(), false,
                "bw4ctl display", SHORT);
    }

    private static void add(String id, String label, String description, List<ArgSpec> args, boolean changes,
            String template, Duration timeout) {
        ENTRIES.put(id, new Entry(new CommandSpec(id, label, description, args, changes), template, timeout));
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
