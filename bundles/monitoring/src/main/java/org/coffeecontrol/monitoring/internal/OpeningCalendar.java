package org.coffeecontrol.monitoring.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.api.catalog.OpeningHours;

/** Opening hours turned into real instants in the monitoring zone (DST included). */
final class OpeningCalendar {

    /** A half-open interval of time. */
    record Span(Instant from, Instant to) {
        long seconds() {
            return Math.max(0, to.getEpochSecond() - from.getEpochSecond());
        }
    }

    private OpeningCalendar() {
    }

    /**
     * Start of the uninterrupted opening period that contains {@code now}, following windows that touch across
     * midnight (23:00-24:00 then 00:00-02:00); null when closed. Silence before this instant does not count.
     */
    static Instant openSince(OpeningHours hours, ZoneId zone, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        int minute = local.getHour() * 60 + local.getMinute();
        LocalDate day = local.toLocalDate();
        OpeningHours.Window current = null;
        for (OpeningHours.Window w : hours.windows(day.getDayOfWeek())) {
            if (minute >= w.fromMinute() && minute < w.toMinute()) {
                current = w;
            }
        }
        if (current == null) {
            return null;
        }
        int start = current.fromMinute();
        // A week of touching windows is open around the clock: that is as far back as it matters.
        for (int i = 0; i < 7 && start == 0; i++) {
            List<OpeningHours.Window> before = hours.windows(day.minusDays(1).getDayOfWeek());
            if (before.isEmpty() || before.get(before.size() - 1).toMinute() != 1440) {
                break;
            }
            day = day.minusDays(1);
            start = before.get(before.size() - 1).fromMinute();
        }
        return at(day, start, zone);
    }

    /** The opening spans of the days {@code from}..{@code to} (inclusive), touching spans merged, in order. */
    static List<Span> openSpans(OpeningHours hours, ZoneId zone, LocalDate from, LocalDate to) {
        List<Span> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayOfWeek dow = d.getDayOfWeek();
            for (OpeningHours.Window w : hours.windows(dow)) {
                Span s = new Span(at(d, w.fromMinute(), zone), at(d, w.toMinute(), zone));
                if (!out.isEmpty() && !out.get(out.size() - 1).to().isBefore(s.from())) {
                    Span last = out.remove(out.size() - 1);
                    s = new Span(last.from(), s.to());
                }
                if (s.to().isAfter(s.from())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Spans cut to end no later than {@code limit} (the future has no uptime yet). */
    static List<Span> until(List<Span> spans, Instant limit) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!s.from().isBefore(limit)) {
                break;
            }
            out.add(s.to().isAfter(limit) ? new Span(s.from(), limit) : s);
        }
        return out;
    }

    /** Total seconds of the overlap of two sorted lists of disjoint spans. */
    static long overlapSeconds(List<Span> a, List<Span> b) {
        long total = 0;
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Span x = a.get(i);
            Span y = b.get(j);
            Instant from = x.from().isAfter(y.from()) ? x.from() : y.from();
            Instant to = x.to().isBefore(y.to()) ? x.to() : y.to();
            if (to.isAfter(from)) {
                total += to.getEpochSecond() - from.getEpochSecond();
            }
            if (x.to().isBefore(y.to())) {
                i++;
            } else {
                j++;
            }
        }
        return total;
    }

    /** Sorts and merges overlapping spans. */
    static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((p, q) -> p.from().compareTo(q.from()));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && !out.get(out.size() - 1).to().isBefore(s.from())) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.from(), last.to().isAfter(s.to()) ? last.to() : s.to()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static Instant at(LocalDate day, int minuteOfDay, ZoneId zone) {
        if (minuteOfDay >= 1440) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        // local wall time, so that 07:00 stays 07:00 on the days clocks change
        return day.atTime(minuteOfDay / 60, minuteOfDay % 60).atZone(zone).toInstant();
    }
}
