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

    /** Opening hours as {@code DAYS=HOURS} items ({@link OpeningHours#fromItems}), checked before anything is sent. */
    static Map<String, String> openingHours(List<String> values) {
        return values == null ? new LinkedHashMap<>() : OpeningHours.fromItems(values, "hours");
    }

    /**
     * An IANA zone id such as {@code Asia/Novosibirsk}; blank means none (the platform's). Checked here so the
     * admin reads which option is wrong; the catalogue checks it again.
     */
    static String timeZone(String value) {
        String zone = optional(value);
        if (zone == null) {
            return null;
        }
        try {
            return java.time.ZoneId.of(zone).getId();
        } catch (java.time.DateTimeException e) {
            throw new ValidationException("time-zone", "unknown time zone '" + zone
                    + "', use an IANA id such as Europe/Moscow or Asia/Novosibirsk");
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
