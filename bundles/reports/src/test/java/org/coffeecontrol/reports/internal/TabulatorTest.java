package org.coffeecontrol.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TabulatorTest {

    @Test
    void linesComeInKeyOrderWithSubtotalsAfterEachGroupAndTheGrandTotalLast() {
        Tabulator<long[]> t = new Tabulator<>(2, () -> new long[1], (a, b) -> a[0] += b[0]);
        LocalDate jan = LocalDate.of(2025, 1, 1);
        LocalDate feb = LocalDate.of(2025, 2, 1);
        // Facts arrive in no particular order; names differ in case only where the order must ignore it.
        t.add(List.of("bar", feb), null, new long[] { 5 });
        t.add(List.of("Alpha", feb), null, new long[] { 2 });
        t.add(List.of("alpha", jan), null, new long[] { 1 });
        t.add(List.of("Bar", jan), null, new long[] { 7 });
        t.add(List.of("Alpha", jan), null, new long[] { 3 });
        t.add(List.of("bar", feb), null, new long[] { 4 });

        List<String> out = new ArrayList<>();
        for (Tabulator.Line<long[]> l : t.lines()) {
            out.add((l.subtotal() ? "sub" + l.level() : "row") + " " + Arrays.toString(l.keys().toArray()) + " = "
                    + l.total()[0]);
        }
        assertEquals(List.of(
                "row [Alpha, 2025-01-01] = 3",
                "row [Alpha, 2025-02-01] = 2",
                "sub0 [Alpha, null] = 5",
                "row [alpha, 2025-01-01] = 1",
                "sub0 [alpha, null] = 1",
                "row [Bar, 2025-01-01] = 7",
                "sub0 [Bar, null] = 7",
                "row [bar, 2025-02-01] = 9",
                "sub0 [bar, null] = 9",
                "sub-1 [null, null] = 22"), out);
    }
}
