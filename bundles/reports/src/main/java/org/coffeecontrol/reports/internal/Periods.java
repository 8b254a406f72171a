package org.coffeecontrol.reports.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.coffeecontrol.reports.api.ColumnType;
import org.coffeecontrol.reports.api.Periodicity;

/** Period buckets of a requested range: each bucket is named by its first day, clipped to the range. */
final class Periods {

    private Periods() {
    }

    static LocalDate bucket(LocalDate day, Periodicity p, LocalDate from) {
        LocalDate start = switch (p) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case WHOLE -> from;
        };
        return start.isBefore(from) ? from : start;
    }

    /** Every bucket of {@code from..to} in order. */
    static List<LocalDate> buckets(LocalDate from, LocalDate to, Periodicity p) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = from;
        while (!d.isAfter(to)) {
            LocalDate b = bucket(d, p, from);
            if (out.isEmpty() || !out.get(out.size() - 1).equals(b)) {
                out.add(b);
            }
            d = switch (p) {
                case DAY -> d.plusDays(1);
                case WEEK -> d.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                case MONTH -> d.withDayOfMonth(1).plusMonths(1);
                case WHOLE -> to.plusDays(1);
            };
        }
        return out;
    }

    /** What a PERIOD cell holds: the day itself for days (a real date in a spreadsheet), else a label. */
    static Object cell(LocalDate bucket, Periodicity p, LocalDate to) {
        return p == Periodicity.DAY ? bucket : label(bucket, p, to);
    }

    static ColumnType type(Periodicity p) {
        return p == Periodicity.DAY ? ColumnType.DATE : ColumnType.TEXT;
    }

    static String label(LocalDate bucket, Periodicity p, LocalDate to) {
        return switch (p) {
            case DAY -> bucket.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", bucket.get(IsoFields.WEEK_BASED_YEAR),
                    bucket.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", bucket.getYear(), bucket.getMonthValue());
            case WHOLE -> bucket + ".." + to;
        };
    }
}
