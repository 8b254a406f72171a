package org.coffeecontrol.simulator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandTableTest {

    private static final Map<String, String> EXAMPLES = Map.of("{pin}", "1234", "{count}", "5", "{serial}", "AB12",
            "{statement}", "VALUES 1", "{recipe}", "3", "{values...}", "water=180");

    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("sql", "SELECT * FROM t WHERE a = 'x y'"),
                CommandTable.words("sql \"SELECT * FROM t WHERE a = 'x y'\""));
        assertEquals(List.of("a", "b c", "d\"e"), CommandTable.words("  a 'b c'  d\\\"e "));
        assertEquals(List.of("it's"), CommandTable.words("'it'\\''s'"));
        assertThrows(IllegalArgumentException.class, () -> CommandTable.words("sql \"open"));
    }

    @Test
    void matchesTemplatesWithValidatedArguments() {
        CommandTable wmf = CommandTable.forFamily("wmf");
        assertEquals(new CommandTable.Match(CommandTable.Operation.ENTER_SERVICE_PIN, Map.of("pin", "1234")),
                wmf.match(List.of("wmf-service", "pin", "enter", "service", "1234")).orElseThrow());
        assertTrue(wmf.match(List.of("wmf-service", "pin", "enter", "service", "12a4")).isEmpty());
        assertTrue(wmf.match(List.of("wmf-service", "drinks", "last", "101")).isEmpty());
        assertEquals(CommandTable.Operation.LAST_DRINKS,
                wmf.match(List.of("wmf-service", "drinks", "last", "100")).orElseThrow().operation());
        assertTrue(wmf.match(List.of("wmf-service", "reboot")).isEmpty(), "a prefix is not a command");
        assertEquals(CommandTable.Operation.SQL,
                CommandTable.forFamily("drcoffee").match(List.of("sql", "VALUES 1")).orElseThrow().operation());
        assertTrue(CommandTable.forFamily("drcoffee").match(List.of("dcc", "reboot")).isEmpty(), "case matters");
        assertEquals(new CommandTable.Match(CommandTable.Operation.SET_RECIPE, Map.of("recipe", "3", "values",
                "coffee_g=9.5 water_ml=180")), wmf.match(List.of("wmf-service", "recipes", "set", "3", "coffee_g=9.5",
                        "water_ml=180")).orElseThrow());
        assertTrue(wmf.match(List.of("wmf-service", "recipes", "set", "3")).isEmpty(), "nothing to set");
        assertTrue(wmf.match(List.of("wmf-service", "recipes", "set", "3", "water_ml=1;reboot")).isEmpty());
        assertTrue(wmf.match(List.of("wmf-service", "recipes", "set", "3", "water_ml=$(id)")).isEmpty());
    }

    @Test
    void everyFamilyOffersTheWholeCommandMenu() {
        for (String family : List.of("wmf", "thermoplan", "drcoffee")) {
            CommandTable t = CommandTable.forFamily(family);
            for (CommandTable.Operation op : CommandTable.Operation.values()) {
                if (op == CommandTable.Operation.SET_SERIAL && !family.equals("drcoffee")) {
                    continue;
                }
                boolean found = t.templates().stream().anyMatch(tpl -> t.match(java.util.Arrays
                        .stream(tpl.split(" ")).map(w -> EXAMPLES.getOrDefault(w, w)).toList())
                        .orElseThrow().operation() == op);
                assertTrue(found, family + " has " + op);
            }
        }
    }
}
