package org.coffeecontrol.driverkit.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;

/**
 * A family's allow-listed commands (RC-1) as command-line templates, answering {@code MachineDriver.commands()}
 * and {@code plan()}. An argument fills its {@code {name}} placeholder only after it matched its spec's pattern
 * and the fixed safe alphabet {@code A-Z a-z 0-9 . _ -}, so even a loose pattern cannot let a shell metacharacter
 * into a command line. Refusals never quote the value: it may be a PIN.
 *
 * <p>Runtime code for drivers, not a service: a driver bundle embeds this package privately with bnd's
 * {@code -conditionalpackage: org.coffeecontrol.driverkit.command}, so it adds no bundle to the platform.
 * Immutable and thread-safe.
 */
public final class CommandTable {

    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    private record Entry(CommandSpec spec, String template, Duration timeout) {
    }

    private final String family;
    private final Map<String, Entry> entries;
    private final List<CommandSpec> specs;

    private CommandTable(String family, Map<String, Entry> entries) {
        this.family = family;
        this.entries = Map.copyOf(entries);
        this.specs = entries.values().stream().map(Entry::spec).toList();
    }

    /** @param family shown in refusals, e.g. "WMF" */
    public static Builder builder(String family) {
        return new Builder(family);
    }

    /** The commands in the order they were added. */
    public List<CommandSpec> specs() {
        return specs;
    }

    public CommandPlan plan(String commandId, Map<String, String> args) {
        Entry entry = commandId == null ? null : entries.get(commandId);
        if (entry == null) {
            return new CommandPlan.Refused("not a " + family + " command");
        }
        Map<String, String> given = args == null ? Map.of() : args;
        List<ArgSpec> argSpecs = entry.spec().args();
        for (String name : given.keySet()) {
            if (argSpecs.stream().noneMatch(a -> a.name().equals(name))) {
                return new CommandPlan.Refused(commandId + " takes no argument '" + name + "'");
            }
        }
        String line = entry.template();
        for (ArgSpec spec : argSpecs) {
            String value = given.get(spec.name());
            if (value == null) {
                return new CommandPlan.Refused(commandId + " needs '" + spec.name() + "'");
            }
            if (!SAFE_VALUE.matcher(value).matches() || !Pattern.matches(spec.pattern(), value)) {
                return new CommandPlan.Refused(commandId + ": '" + spec.name() + "' is not of the form "
                        + spec.pattern());
            }
            line = line.replace("{" + spec.name() + "}", value);
        }
        return new CommandPlan.Exec(line, entry.timeout());
    }

    public static final class Builder {
        private final String family;
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private Builder(String family) {
            this.family = family;
        }

        /**
         * @param template the command line, with one {@code {name}} placeholder per argument
         * @throws IllegalArgumentException when placeholders and arguments disagree or the id is taken: a table
         *                                  that cannot be right should not load at all
         */
        public Builder add(String id, String label, String description, List<ArgSpec> args, boolean changesMachine,
                String template, Duration timeout) {
            Set<String> placeholders = new HashSet<>();
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            List<String> names = new ArrayList<>();
            args.forEach(a -> names.add(a.name()));
            if (!placeholders.equals(new HashSet<>(names)) || names.size() != placeholders.size()) {
                throw new IllegalArgumentException(id + ": placeholders " + placeholders + " do not match arguments "
                        + names);
            }
            if (entries.containsKey(id)) {
                throw new IllegalArgumentException("command " + id + " added twice");
            }
            entries.put(id, new Entry(new CommandSpec(id, label, description, args, changesMachine), template,
                    timeout));
            return this;
        }

        public CommandTable build() {
            return new CommandTable(family, entries);
        }
    }
}
