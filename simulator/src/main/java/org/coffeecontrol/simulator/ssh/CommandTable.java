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
        BACKUP_RECIPES, LIST_RECIPES, NOT_SERVICED_ON, NOT_SERVICED_OFF, LAST_DRINKS, READ_SCREEN, SET_SERIAL, SQL
    }

    /** A matched command line: the operation and its named arguments. */
    record Match(Operation operation, Map<String, String> args) {
    }

    private record Entry(String template, Operation operation) {
    }

    private static final Map<String, String> PATTERNS = Map.of("pin", "[0-9]{4,6}", "count", "[1-9][0-9]?|100",
            "serial", "[A-Za-z0-9-]{4,32}", "statement", "(?s).+");

    private final List<Entry> entries;

    private CommandTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static CommandTable forFamily(String family) {
        List<Entry> e = new ArrayList<>();
        switch (family) {
            case FamilyProfile.WMF -> {
                add(e, "wmf-service ping", Operation.PING);
                add(e, "wmf-service status", Operation.STATUS);
                add(e, "wmf-service reboot machine", Operation.REBOOT);
                add(e, "wmf-service reboot module", Operation.SOFT_REBOOT);
                add(e, "wmf-service first-start", Operation.FIRST_START);
                add(e, "wmf-service pin on", Operation.PIN_ON);
                add(e, "wmf-service pin off", Operation.PIN_OFF);
                add(e, "wmf-service pin enter service {pin}", Operation.ENTER_SERVICE_PIN);
                add(e, "wmf-service pin enter user {pin}", Operation.ENTER_USER_PIN);
                add(e, "wmf-service recipes backup", Operation.BACKUP_RECIPES);
                add(e, "wmf-service recipes list", Operation.LIST_RECIPES);
                add(e, "wmf-service not-serviced on", Operation.NOT_SERVICED_ON);
                add(e, "wmf-service not-serviced off", Operation.NOT_SERVICED_OFF);
                add(e, "wmf-service drinks last {count}", Operation.LAST_DRINKS);
                add(e, "wmf-service screen", Operation.READ_SCREEN);
            }
            case FamilyProfile.THERMOPLAN -> {
                add(e, "bw4ctl ping", Operation.PING);
                add(e, "bw4ctl info", Operation.STATUS);
                add(e, "bw4ctl restart", Operation.REBOOT);
                add(e, "bw4ctl restart-controller", Operation.SOFT_REBOOT);
                add(e, "bw4ctl service-program first-run-up", Operation.FIRST_START);
                add(e, "bw4ctl lock", Operation.PIN_ON);
                add(e, "bw4ctl unlock", Operation.PIN_OFF);
                add(e, "bw4ctl pin service {pin}", Operation.ENTER_SERVICE_PIN);
                add(e, "bw4ctl pin user {pin}", Operation.ENTER_USER_PIN);
                add(e, "bw4ctl recipes export", Operation.BACKUP_RECIPES);
                add(e, "bw4ctl recipes list", Operation.LIST_RECIPES);
                add(e, "bw4ctl service-flag set", Operation.NOT_SERVICED_ON);
                add(e, "bw4ctl service-flag clear", Operation.NOT_SERVICED_OFF);
                add(e, "bw4ctl products last {count}", Operation.LAST_DRINKS);
                add(e, "bw4ctl display", Operation.READ_SCREEN);
            }
            case FamilyProfile.DRCOFFEE -> {
                add(e, "dcc PING", Operation.PING);
                add(e, "dcc STATUS", Operation.STATUS);
                add(e, "dcc REBOOT", Operation.REBOOT);
                add(e, "dcc RESTART UI", Operation.SOFT_REBOOT);
                add(e, "dcc FIRSTRUN", Operation.FIRST_START);
                add(e, "dcc PIN ON", Operation.PIN_ON);
                add(e, "dcc PIN OFF", Operation.PIN_OFF);
                add(e, "dcc PIN SERVICE {pin}", Operation.ENTER_SERVICE_PIN);
                add(e, "dcc PIN USER {pin}", Operation.ENTER_USER_PIN);
                add(e, "dcc BACKUP RECIPES", Operation.BACKUP_RECIPES);
                add(e, "dcc RECIPES", Operation.LIST_RECIPES);
                add(e, "dcc NOSERVICE ON", Operation.NOT_SERVICED_ON);
                add(e, "dcc NOSERVICE OFF", Operation.NOT_SERVICED_OFF);
                add(e, "dcc LAST {count}", Operation.LAST_DRINKS);
                add(e, "dcc SCREEN", Operation.READ_SCREEN);
                add(e, "dcc SETSERIAL {serial}", Operation.SET_SERIAL);
            }
            default -> throw new IllegalArgumentException("no command table for family " + family);
        }
        add(e, "sql {statement}", Operation.SQL);
        return new CommandTable(e);
    }

    private static void add(List<Entry> e, String template, Operation op) {
        e.add(new Entry(template, op));
    }

    /** The command lines this family accepts, for {@code help}. */
    List<String> templates() {
        return entries.stream().map(Entry::template).toList();
    }

    Optional<Match> match(List<String> words) {
        for (Entry entry : entries) {
            String[] t = entry.template().split(" ");
            if (t.length != words.size()) {
                continue;
            }
            Map<String, String> args = new LinkedHashMap<>();
            boolean ok = true;
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
