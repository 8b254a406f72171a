package org.coffeecontrol.shell.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.security.Role;

/**
 * Turns what an admin types into API values. Bad input becomes a {@link ValidationException} naming the option, so
 * it reaches the terminal as one clear line like every other rejected call.
 */
final class Arguments {

    private Arguments() {
    }

    /** The spelling admins type and see: lower case with dashes, e.g. {@code tech-support}. */
    static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> roleNames() {
        return Arrays.stream(Role.values()).map(Arguments::roleName).toList();
    }

    /** Accepts repeated values and comma lists, any case, dash or underscore: {@code admin,TECH_SUPPORT}. */
    static Set<Role> roles(List<String> values) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String token : split(values)) {
            String key = token.toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                roles.add(Role.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("role",
                        "unknown role '" + token + "', use one of " + String.join(", ", roleNames()));
            }
        }
        return roles;
    }

    /** {@code key=value} pairs, e.g. firmware components or technical attributes. */
    static Map<String, String> keyValues(String option, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        if (values == null) {
            return map;
        }
        for (String pair : values) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException(option, "'" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq).strip();
            if (key.isEmpty()) {
                throw new ValidationException(option, "'" + pair + "' has no key");
            }
            map.put(key, pair.substring(eq + 1).strip());
        }
        return map;
    }

    /**
     * Opening hours as {@code DAYS=HOURS} items where DAYS is a day ({@code MON}), a range ({@code MON-FRI}) or
     * {@code ALL}, and HOURS is what {@link OpeningHours} accepts; later items override earlier ones, so
     * {@code ALL=07:00-23:00 SUN=closed} reads naturally.
     */
    static Map<String, String> openingHours(List<String> values) {
        Map<String, String> hours = new LinkedHashMap<>();
        if (values == null) {
            return hours;
        }
        for (String item : values) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException("hours", "'" + item + "' is not DAYS=HH:mm-HH:mm, e.g. MON-FRI=07:00-22:00");
            }
            String hoursOfDay = item.substring(eq + 1).strip();
            for (String day : days(item.substring(0, eq).strip().toUpperCase(Locale.ROOT))) {
                hours.put(day, hoursOfDay);
            }
        }
        // Validate here as well so the admin learns which item is wrong before anything is sent.
        OpeningHours.parse(hours, "hours");
        return hours;
    }

    private static List<String> days(String spec) {
        List<String> keys = OpeningHours.DAY_KEYS;
        if (spec.equals("ALL") || spec.equals("*")) {
            return keys;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            requireDay(spec);
            return List.of(spec);
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        requireDay(from);
        requireDay(to);
        int a = keys.indexOf(from);
        int b = keys.indexOf(to);
        if (b < a) {
            throw new ValidationException("hours", "day range '" + spec + "' runs backwards, weeks start on MON");
        }
        return keys.subList(a, b + 1);
    }

    private static void requireDay(String day) {
        if (!OpeningHours.DAY_KEYS.contains(day)) {
            throw new ValidationException("hours", "unknown day '" + day + "', use MON..SUN, a range or ALL");
        }
    }

    static PageRequest page(int offset, int limit) {
        if (limit < 1) {
            throw new ValidationException("limit", "must be at least 1");
        }
        return new PageRequest(offset, limit);
    }

    /** Blank option values count as not given. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Items of repeated options that may also be comma lists: {@code -c 1,2 -c 3}. */
    static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
