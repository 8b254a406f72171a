package org.coffeecontrol.api.catalog;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;

/**
 * Parsed weekly opening hours. A missing day means closed; {@code 24:00} closes at midnight.
 */
public final class OpeningHours {

    /** An interval of minutes of day, end exclusive, 0..1440. */
    public record Window(int fromMinute, int toMinute) {
    }

    private final Map<DayOfWeek, List<Window>> days;

    private OpeningHours(Map<DayOfWeek, List<Window>> days) {
        this.days = days;
    }

    public static final List<String> DAY_KEYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /**
     * Parses the map form used in {@link PointOfSale#openingHours()}.
     *
     * @throws ValidationException naming {@code field.DAY} when a value is malformed
     */
    public static OpeningHours parse(Map<String, String> spec, String field) {
        Map<DayOfWeek, List<Window>> days = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> e : spec.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().trim().toUpperCase(Locale.ROOT);
            int idx = DAY_KEYS.indexOf(key);
            if (idx < 0) {
                throw new ValidationException(field, "unknown day '" + e.getKey() + "', use MON..SUN");
            }
            days.put(DayOfWeek.of(idx + 1), parseDay(e.getValue(), field + "." + key));
        }
        return new OpeningHours(days);
    }

    /**
     * The map form from {@code DAYS=HOURS} items as admins type them (shell options, fleet files): DAYS is a day
     * ({@code MON}), a range ({@code MON-FRI}) or {@code ALL}, HOURS what {@link #parse} accepts; later items
     * override earlier ones, so {@code ALL=07:00-23:00 SUN=closed} reads naturally.
     *
     * @throws ValidationException naming {@code field} when an item or its hours are malformed
     * @since 1.2
     */
    public static Map<String, String> fromItems(List<String> items, String field) {
        Map<String, String> hours = new java.util.LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException(field, "'" + item + "' is not DAYS=HH:mm-HH:mm, e.g. MON-FRI=07:00-22:00");
            }
            String hoursOfDay = item.substring(eq + 1).strip();
            for (String day : days(item.substring(0, eq).strip().toUpperCase(Locale.ROOT), field)) {
                hours.put(day, hoursOfDay);
            }
        }
        parse(hours, field);
        return hours;
    }

    private static List<String> days(String spec, String field) {
        if (spec.equals("ALL") || spec.equals("*")) {
            return DAY_KEYS;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            requireDay(spec, field);
            return List.of(spec);
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        requireDay(from, field);
        requireDay(to, field);
        int a = DAY_KEYS.indexOf(from);
        int b = DAY_KEYS.indexOf(to);
        if (b < a) {
            throw new ValidationException(field, "day range '" + spec + "' runs backwards, weeks start on MON");
        }
        return DAY_KEYS.subList(a, b + 1);
    }

    private static void requireDay(String day, String field) {
        if (!DAY_KEYS.contains(day)) {
            throw new ValidationException(field, "unknown day '" + day + "', use MON..SUN, a range or ALL");
        }
    }

    /** Open around the clock every day: the default for a POS without hours. */
    public static OpeningHours always() {
        Map<DayOfWeek, List<Window>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, List.of(new Window(0, 1440)));
        }
        return new OpeningHours(days);
    }

    private static List<Window> parseDay(String value, String field) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<Window> windows = new ArrayList<>();
        int lastEnd = -1;
        for (String part : v.split(",")) {
            String[] fromTo = part.trim().split("-");
            if (fromTo.length != 2) {
                throw new ValidationException(field, "'" + part.trim() + "' is not HH:mm-HH:mm");
            }
            int from = minuteOfDay(fromTo[0], field);
            int to = minuteOfDay(fromTo[1], field);
            if (to <= from) {
                throw new ValidationException(field, "'" + part.trim() + "' ends before it starts");
            }
            if (from < lastEnd) {
                throw new ValidationException(field, "'" + part.trim() + "' overlaps the previous interval");
            }
            lastEnd = to;
            windows.add(new Window(from, to));
        }
        return List.copyOf(windows);
    }

    private static int minuteOfDay(String hhmm, String field) {
        String s = hhmm.trim();
        if (!s.matches("\\d{1,2}:\\d{2}")) {
            throw new ValidationException(field, "'" + s + "' is not a time HH:mm");
        }
        String[] p = s.split(":");
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            throw new ValidationException(field, "'" + s + "' is not a valid time of day");
        }
        return h * 60 + m;
    }

    public List<Window> windows(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isOpen(LocalDateTime at) {
        int minute = at.getHour() * 60 + at.getMinute();
        for (Window w : windows(at.getDayOfWeek())) {
            if (minute >= w.fromMinute() && minute < w.toMinute()) {
                return true;
            }
        }
        return false;
    }

    /** Minutes open in one week. */
    public int minutesPerWeek() {
        return days.values().stream().flatMap(List::stream).mapToInt(w -> w.toMinute() - w.fromMinute()).sum();
    }

    /** Canonical text of one day, e.g. {@code 07:00-23:00}, or {@code closed}. */
    public String format(DayOfWeek day) {
        List<Window> ws = windows(day);
        if (ws.isEmpty()) {
            return "closed";
        }
        StringBuilder sb = new StringBuilder();
        for (Window w : ws) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(hhmm(w.fromMinute())).append('-').append(hhmm(w.toMinute()));
        }
        return sb.toString();
    }

    private static String hhmm(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    /** Parses {@code 06:30,22:30} into times of day, validating each. */
    public static List<LocalTime> parseTimes(String spec, String field) {
        List<LocalTime> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String t : spec.split(",")) {
            int m = minuteOfDay(t, field);
            if (m >= 1440) {
                throw new ValidationException(field, "'" + t.trim() + "' is not a valid time of day");
            }
            out.add(LocalTime.of(m / 60, m % 60));
        }
        return out;
    }
}
