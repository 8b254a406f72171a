package org.coffeecontrol.simulator.ssh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coffeecontrol.simulator.model.FamilyProfile;

/**
 * Each family's command lines, as its driver's {@code plan()} produces them. A template is a list of literal
 * words and {@code {name}} placeholders; a placeholder takes one word matching its pattern. The tables are the
 * contract with the drivers (simulator/README.md lists them): change both together.
 */
final class CommandTable {

    enum Operation {
        PING, STATUS, REBOOT, SOFT_REBOOT, FIRST_START, PIN_ON, PIN_OFF, ENTER_SERVICE_PIN, ENTER_USER_PIN,
        BACKUP_RECIPES, LIST_RECIPES, SET_RECIPE, NOT_SERVICED_ON, NOT_SERVICED_OFF, LAST_DRINKS, READ_SCREEN, SET_SERIAL, SQL
    }

    /** A matched command line: the operation and its named arguments. */
    record Match(Operation operation, Map<String, String> args) {
    }

    private record Entry(String template, Operation operation) {
    }

    private static final Map<String, String> PATTERNS = Map.of("pin", "[0-9]{4,6}", "count", "[1-9][0-9]?|100",
            "serial", "[A-Za-z0-9-]{4,32}", "statement", "(?s).+", "recipe", "[0-9]{1,3}");
    /** The trailing {@code {values...}} placeholder takes one or more of these words. */
    private static final String VALUES = "{values...}";
    private static final String ASSIGNMENT = "[A-Za-z_]{1,20}=[0-9]{1,7}(\\.[0-9]{1,4})?";

    private final List<Entry> entries;

    private CommandTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Operation, then its command line for WMF, Thermoplan and Dr.Coffee; null where a family lacks it. */
    private static final Object[][] ROWS = {
            { Operation.PING, "wmf-service ping", "bw4ctl ping", "dcc PING" },
            { Operation.STATUS, "wmf-service status", "bw4ctl info", "dcc STATUS" },
            { Operation.REBOOT, "wmf-service reboot machine", "bw4ctl restart", "dcc REBOOT" },
            { Operation.SOFT_REBOOT, "wmf-service reboot module", "bw4ctl restart-controller", "dcc RESTART UI" },
            { Operation.FIRST_START, "wmf-service first-start", "bw4ctl service-program first-run-up", "dcc FIRSTRUN" },
            { Operation.PIN_ON, "wmf-service pin on", "bw4ctl lock", "dcc PIN ON" },
            { Operation.PIN_OFF, "wmf-service pin off", "bw4ctl unlock", "dcc PIN OFF" },
            { Operation.ENTER_SERVICE_PIN, "wmf-service pin enter service {pin}", "bw4ctl pin service {pin}",
                    "dcc PIN SERVICE {pin}" },
            { Operation.ENTER_USER_PIN, "wmf-service pin enter user {pin}", "bw4ctl pin user {pin}",
                    "dcc PIN USER {pin}" },
            { Operation.BACKUP_RECIPES, "wmf-service recipes backup", "bw4ctl recipes export", "dcc BACKUP RECIPES" },
            { Operation.LIST_RECIPES, "wmf-service recipes list", "bw4ctl recipes list", "dcc RECIPES" },
            { Operation.SET_RECIPE, "wmf-service recipes set {recipe} " + VALUES,
                    "bw4ctl recipes set {recipe} " + VALUES, "dcc RECIPE SET {recipe} " + VALUES },
            { Operation.NOT_SERVICED_ON, "wmf-service not-serviced on", "bw4ctl service-flag set", "dcc NOSERVICE ON" },
            { Operation.NOT_SERVICED_OFF, "wmf-service not-serviced off", "bw4ctl service-flag clear",
                    "dcc NOSERVICE OFF" },
            { Operation.LAST_DRINKS, "wmf-service drinks last {count}", "bw4ctl products last {count}", "dcc LAST {count}" },
            { Operation.READ_SCREEN, "wmf-service screen", "bw4ctl display", "dcc SCREEN" },
            { Operation.SET_SERIAL, null, null, "dcc SETSERIAL {serial}" },
            { Operation.SQL, "sql {statement}", "sql {statement}", "sql {statement}" } };

    private static final List<String> FAMILIES = List.of(FamilyProfile.WMF, FamilyProfile.THERMOPLAN,
            FamilyProfile.DRCOFFEE);

    static CommandTable forFamily(String family) {
        int column = FAMILIES.indexOf(family) + 1;
        if (column == 0) {
            throw new IllegalArgumentException("no command table for family " + family);
        }
        List<Entry> e = new ArrayList<>();
        for (Object[] row : ROWS) {
            if (row[column] != null) {
                e.add(new Entry((String) row[column], (Operation) row[0]));
            }
        }
        return new CommandTable(e);
    }

    /** The command lines this family accepts, for {@code help}. */
    List<String> templates() {
        return entries.stream().map(Entry::template).toList();
    }

    Optional<Match> match(List<String> words) {
        for (Entry entry : entries) {
            String[] t = entry.template().split(" ");
            boolean rest = t[t.length - 1].equals(VALUES);
            if (rest ? words.size() < t.length : t.length != words.size()) {
                continue;
            }
            Map<String, String> args = new LinkedHashMap<>();
            boolean ok = true;
            if (rest) {
                List<String> values = words.subList(t.length - 1, words.size());
                ok = values.stream().allMatch(w -> w.matches(ASSIGNMENT));
                args.put("values", String.join(" ", values));
                t = java.util.Arrays.copyOf(t, t.length - 1);
            }
            for (int i = 0; i < t.length && ok; i++) {
                if (t[i].startsWith("{")) {
                    String name = t[i].substring(1, t[i].length() - 1);
                    ok = words.get(i).matches(PATTERNS.get(name));
                    args.put(name, words.get(i));
                } else {
                    ok = t[i].equals(words.get(i));
                }
            }
            if (ok) {
                return Optional.of(new Match(entry.operation(), args));
            }
        }
        return Optional.empty();
    }

    /**
     * Splits a command line into words like a POSIX shell would for simple cases: whitespace separates, single
     * and double quotes group, a backslash escapes the next character inside double quotes and outside quotes.
     *
     * @throws IllegalArgumentException for an unterminated quote
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote");
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
