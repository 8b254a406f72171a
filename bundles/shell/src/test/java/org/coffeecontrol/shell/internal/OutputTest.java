package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Role;
import org.junit.jupiter.api.Test;

class OutputTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Output output = new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fitMarksTheCut() {
        assertEquals("Coffee", Output.fit("Coffee", 6));
        assertEquals("Coff~", Output.fit("Coffee", 5));
        assertEquals("-", Output.fit(null, 5));
    }

    @Test
    void textShowsMissingValuesAsDashAndKeepsOneLine() {
        assertEquals("-", Output.text(null));
        assertEquals("-", Output.text("  "));
        assertEquals("a b", Output.text("a\r\n  b"));
    }

    @Test
    void errorsAreOneLineAndSayWhatKind() {
        assertEquals("Invalid latitude: must be between -90 and 90",
                Output.error(new ValidationException("latitude", "must be between -90 and 90")));
        assertEquals("Access denied: x may not y", Output.error(new AccessDeniedException("x may not y")));
        assertEquals("Conflict: serial taken", Output.error(new ConflictException("serial taken")));
        assertEquals("Error: Client 9 not found", Output.error(new NotFoundException("Client", 9)));
        assertFalse(Output.error(new ConflictException("two\nlines")).contains("\n"));
    }

    @Test
    void fieldsAlignAndStayWithinTheTerminal() {
        output.field("Code", "ACME");
        output.field("Notes", "x".repeat(200));
        List<String> lines = printed().lines().toList();
        assertEquals("  Code:                ACME", lines.get(0));
        assertEquals(Output.WIDTH, lines.get(1).length());
        assertTrue(lines.get(1).endsWith("x~"));
    }

    @Test
    void blockListsEntriesInGivenOrderOrDashWhenEmpty() {
        output.block("Firmware", new java.util.TreeMap<>(Map.of("ui", "2", "main", "1")));
        output.block("Attributes", Map.of());
        List<String> lines = printed().lines().toList();
        assertEquals("  Firmware:", lines.get(0));
        assertTrue(lines.get(1).contains("main:") && lines.get(1).endsWith(" 1"), lines.get(1));
        assertTrue(lines.get(2).contains("ui:"));
        assertTrue(lines.get(3).startsWith("  Attributes:") && lines.get(3).endsWith(" -"));
    }

    @Test
    void footerCountsAllOrTellsHowToGetTheNextPage() {
        output.footer(Page.of(List.of(1, 2), 2, PageRequest.first(50)), "clients");
        output.footer(Page.of(List.of(1, 2), 5, new PageRequest(0, 2)), "clients");
        output.footer(Page.of(List.of(5), 5, new PageRequest(4, 2)), "clients");
        output.footer(Page.of(List.of(), 5, new PageRequest(10, 2)), "clients");
        assertEquals(List.of("clients: 2", "clients: 1-2 of 5; next: --offset 2 --limit 2", "clients: 5-5 of 5",
                "clients: none of 5"), printed().lines().toList());
    }

    @Test
    void rolesAndIdsAreSortedCommaLists() {
        assertEquals("admin,engineer", Output.roles(EnumSet.of(Role.ENGINEER, Role.ADMIN)));
        assertEquals("-", Output.roles(EnumSet.noneOf(Role.class)));
        assertEquals("2,10", Output.ids(List.of(10L, 2L)));
        assertEquals("ACME (#3)", Output.named("ACME", 3L));
        assertEquals("-", Output.named("ACME", null));
    }
}
