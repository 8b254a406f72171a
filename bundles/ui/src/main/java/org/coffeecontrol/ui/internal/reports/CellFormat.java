package org.coffeecontrol.ui.internal.reports;

import java.io.Serializable;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.reports.api.ColumnType;

/**
 * How a report cell reads on screen, in the user's language: numbers grouped, percentages with one decimal,
 * durations as hours and minutes, states by their legend label. Exports keep the raw typed values instead.
 */
final class CellFormat implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Locale locale;
    private final ZoneId zone;
    private final Map<String, String> legend;

    CellFormat(Locale locale, ZoneId zone, Map<String, String> legend) {
        this.locale = locale;
        this.zone = zone;
        this.legend = legend == null ? Map.of() : legend;
    }

    String format(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case INTEGER -> NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
            case DECIMAL -> decimals(2).format(((Number) value).doubleValue());
            case PERCENT -> decimals(1).format(((Number) value).doubleValue()) + "\u00a0%";
            case DATE -> value instanceof LocalDate d
                    ? DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(d)
                    : value.toString();
            case DATETIME -> value instanceof Instant i
                    ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone)
                            .format(i)
                    : value.toString();
            case MINUTES -> minutes(((Number) value).longValue());
            case STATE -> legend.getOrDefault(value.toString(), value.toString());
            case TEXT -> value.toString();
        };
    }

    static boolean numeric(ColumnType type) {
        return type == ColumnType.INTEGER || type == ColumnType.DECIMAL || type == ColumnType.PERCENT
                || type == ColumnType.MINUTES;
    }

    private NumberFormat decimals(int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f;
    }

    /** 0:05, 3:40, 27:00: hours may exceed a day, a downtime report sums whole months. */
    private static String minutes(long total) {
        String sign = total < 0 ? "-" : "";
        long m = Math.abs(total);
        return sign + (m / 60) + ":" + String.format(Locale.ROOT, "%02d", m % 60);
    }
}
