package org.coffeecontrol.reports.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.coffeecontrol.api.ValidationException;
import org.junit.jupiter.api.Test;

/** Options after the report id, which Karaf hands over as arguments, reach the same fields as options before it. */
class TrailingOptionsTest {

    @Test
    void optionsAfterTheIdFillTheOptionFields() {
        ReportCommand c = new ReportCommand();
        TrailingOptions.apply(c, List.of("--from", "2026-02-11", "--to=2026-02-13", "-p", "ST12", "--pos", "ST13",
                "--group", "location,product", "--horizontal", "--client", "7", "-n", "20"));
        assertEquals("2026-02-11", c.from);
        assertEquals("2026-02-13", c.to);
        assertEquals(List.of("ST12", "ST13"), c.pos);
        assertEquals("location,product", c.group);
        assertTrue(c.horizontal);
        assertEquals(List.of(7L), c.clients);
        assertEquals(20, c.limit);
    }

    @Test
    void strayWordsUnknownOptionsAndBadNumbersAreNamed() {
        ValidationException stray = assertThrows(ValidationException.class,
                () -> TrailingOptions.apply(new ReportCommand(), List.of("--from", "2026-02-11", "extra")));
        assertTrue(stray.getMessage().contains("extra"), stray.getMessage());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> TrailingOptions.apply(new ReportCommand(), List.of("--colour", "red")));
        assertTrue(unknown.getMessage().contains("--colour"), unknown.getMessage());
        ValidationException number = assertThrows(ValidationException.class,
                () -> TrailingOptions.apply(new ReportCommand(), List.of("--client", "seven")));
        assertEquals("client", number.field());
        assertThrows(ValidationException.class, () -> TrailingOptions.apply(new ReportCommand(), List.of("--to")));
    }
}
