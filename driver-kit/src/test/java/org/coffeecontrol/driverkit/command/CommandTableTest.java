package org.coffeecontrol.driverkit.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.CommandPlan;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    private static final ArgSpec PIN = new ArgSpec("pin", "PIN", "[0-9]{4}", true);
    /** Deliberately too loose, to show the safe alphabet still holds. */
    private static final ArgSpec NOTE = new ArgSpec("note", "Note", ".*", false);
    private static final Duration T = Duration.ofSeconds(5);

    private final CommandTable table = CommandTable.builder("Toy")
            .add("ping", "Ping", "", List.of(), false, "toy ping", T)
            .add("unlock", "Unlock", "", List.of(PIN), true, "toy unlock {pin}", T)
            .add("say", "Say", "", List.of(NOTE), false, "toy say {note}", T)
            .build();

    @Test
    void argumentsFillTheirPlaceholders() {
        assertEquals(new CommandPlan.Exec("toy unlock 0815", T), table.plan("unlock", Map.of("pin", "0815")));
        assertEquals(List.of("ping", "unlock", "say"), table.specs().stream().map(s -> s.id()).toList());
    }

    @Test
    void theSafeAlphabetHoldsEvenForALoosePattern() {
        assertInstanceOf(CommandPlan.Exec.class, table.plan("say", Map.of("note", "hello-1.2")));
        for (String bad : List.of("a b", "a;b", "$(id)", "", "ü")) {
            assertInstanceOf(CommandPlan.Refused.class, table.plan("say", Map.of("note", bad)), bad);
        }
    }

    @Test
    void refusalsNameTheProblemButNotTheValue() {
        CommandPlan.Refused refused = assertInstanceOf(CommandPlan.Refused.class,
                table.plan("unlock", Map.of("pin", "08155")));
        assertEquals("unlock: 'pin' is not of the form [0-9]{4}", refused.reason());
        assertFalse(refused.reason().contains("0815"));
        assertEquals(new CommandPlan.Refused("unlock needs 'pin'"), table.plan("unlock", Map.of()));
        assertEquals(new CommandPlan.Refused("ping takes no argument 'x'"), table.plan("ping", Map.of("x", "1")));
        assertEquals(new CommandPlan.Refused("not a Toy command"), table.plan("format", Map.of()));
    }

    @Test
    void aTemplateThatDisagreesWithItsArgumentsDoesNotBuild() {
        assertThrows(IllegalArgumentException.class, () -> CommandTable.builder("Toy")
                .add("unlock", "Unlock", "", List.of(PIN), true, "toy unlock", T));
        assertThrows(IllegalArgumentException.class, () -> CommandTable.builder("Toy")
                .add("unlock", "Unlock", "", List.of(), true, "toy unlock {pin}", T));
        assertThrows(IllegalArgumentException.class, () -> CommandTable.builder("Toy")
                .add("ping", "Ping", "", List.of(), false, "toy ping", T)
                .add("ping", "Ping", "", List.of(), false, "toy ping", T));
    }
}
