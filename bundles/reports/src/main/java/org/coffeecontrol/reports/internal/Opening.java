package org.coffeecontrol.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.PointOfSale;

/** Time intervals in minutes arithmetic: opening windows of a shop, unions and overlaps. */
final class Opening {

    /** A half-open interval of time. */
    record Span(Instant start, Instant end) {

        long minutes() {
            return Math.max(0, end.getEpochSecond() - start.getEpochSecond()) / 60;
        }

        Span clip(Instant from, Instant to) {
            Instant s = start.isBefore(from) ? from : start;
            Instant e = end.isAfter(to) ? to : end;
            return e.isAfter(s) ? new Span(s, e) : null;
        }
    }

    private Opening() {
    }

    /** The shop's hours, or around the clock when it has none (or unreadable ones). */
    static OpeningHours hours(PointOfSale pos) {
        if (pos == null || pos.openingHours().isEmpty()) {
            return OpeningHours.always();
        }
        try {
            return OpeningHours.parse(pos.openingHours(), "openingHours");
        } catch (ValidationException e) {
            return OpeningHours.always();
        }
    }

    /** Opening windows of the days {@code from..to}, cut at {@code cap} (the present). */
    static List<Span> windows(OpeningHours hours, LocalDate from, LocalDate to, ZoneId zone, Instant cap) {
        List<Span> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (OpeningHours.Window w : hours.windows(d.getDayOfWeek())) {
                Instant s = d.atStartOfDay(zone).plusMinutes(w.fromMinute()).toInstant();
                Instant e = d.atStartOfDay(zone).plusMinutes(w.toMinute()).toInstant();
                Span span = new Span(s, e).clip(Instant.MIN, cap);
                if (span != null) {
                    out.add(span);
                }
            }
        }
        return out;
    }

    /** Overlapping spans merged, in time order. */
    static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !s.start().isAfter(last.end())) {
                out.set(out.size() - 1, new Span(last.start(), s.end().isAfter(last.end()) ? s.end() : last.end()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Minutes of {@code span} that fall inside the windows. */
    static long minutesWithin(Span span, List<Span> windows) {
        long m = 0;
        for (Span w : windows) {
            Span o = span.clip(w.start(), w.end());
            if (o != null) {
                m += o.minutes();
            }
        }
        return m;
    }

    static long minutes(List<Span> spans) {
        return spans.stream().mapToLong(Span::minutes).sum();
    }
}
