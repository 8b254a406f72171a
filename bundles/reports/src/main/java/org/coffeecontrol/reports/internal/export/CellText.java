package org.coffeecontrol.reports.internal.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Cells as text, the same in csv and in the shell: ISO dates, plain numbers, times in the result's zone. */
public final class CellText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CellText() {
    }

    public static String of(Object cell, ZoneId zone) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Instant t) {
            return TIME.format(LocalDateTime.ofInstant(t, zone));
        }
        if (cell instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(cell);
    }
}
