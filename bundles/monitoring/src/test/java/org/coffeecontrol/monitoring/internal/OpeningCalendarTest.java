package org.coffeecontrol.monitoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.catalog.OpeningHours;
import org.junit.jupiter.api.Test;

class OpeningCalendarTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void openSinceFollowsWindowsThatTouchAcrossMidnight() {
        OpeningHours late = OpeningHours.parse(Map.of("MON", "18:00-24:00", "TUE", "00:00-02:00,08:00-12:00"), "h");
        assertEquals(Instant.parse("2026-03-02T18:00:00Z"),
                OpeningCalendar.openSince(late, UTC, Instant.parse("2026-03-03T01:30:00Z")));
        assertEquals(Instant.parse("2026-03-03T08:00:00Z"),
                OpeningCalendar.openSince(late, UTC, Instant.parse("2026-03-03T09:00:00Z")));
        assertNull(OpeningCalendar.openSince(late, UTC, Instant.parse("2026-03-03T05:00:00Z")));
        Instant always = OpeningCalendar.openSince(OpeningHours.always(), UTC, Instant.parse("2026-03-03T05:00:00Z"));
        assertEquals(Instant.parse("2026-02-24T00:00:00Z"), always, "around the clock: a week back is enough");
    }

    @Test
    void openSpansKeepWallClockTimesOnDaylightSavingDays() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        OpeningHours hours = OpeningHours.parse(Map.of("SUN", "07:00-20:00"), "h");
        // 29 March 2026: clocks go forward at 02:00, so 07:00 is UTC+2
        List<OpeningCalendar.Span> spans = OpeningCalendar.openSpans(hours, berlin, LocalDate.of(2026, 3, 29),
                LocalDate.of(2026, 3, 29));
        assertEquals(List.of(new OpeningCalendar.Span(Instant.parse("2026-03-29T05:00:00Z"),
                Instant.parse("2026-03-29T18:00:00Z"))), spans);
    }

    @Test
    void overlapCountsOnlyOpenTimeInsideProblems() {
        List<OpeningCalendar.Span> open = OpeningCalendar.openSpans(
                OpeningHours.parse(Map.of("MON", "08:00-12:00,13:00-20:00"), "h"), UTC, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2));
        List<OpeningCalendar.Span> down = OpeningCalendar.union(List.of(
                new OpeningCalendar.Span(Instant.parse("2026-03-02T11:00:00Z"), Instant.parse("2026-03-02T14:00:00Z")),
                new OpeningCalendar.Span(Instant.parse("2026-03-02T11:30:00Z"), Instant.parse("2026-03-02T13:30:00Z")),
                new OpeningCalendar.Span(Instant.parse("2026-03-02T21:00:00Z"), Instant.parse("2026-03-02T22:00:00Z"))));
        assertEquals(2, down.size(), "overlapping problems are merged");
        assertEquals(2 * 3600, OpeningCalendar.overlapSeconds(open, down), "11-12 and 13-14; the lunch break and the "
                + "night do not count");
        assertEquals(4 * 3600, OpeningCalendar.until(open, Instant.parse("2026-03-02T13:00:00Z")).stream()
                .mapToLong(OpeningCalendar.Span::seconds).sum());
    }
}
