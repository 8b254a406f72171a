package org.coffeecontrol.tickets.internal;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.tickets.api.ChecklistItem;

/** {@link TicketsConfig} parsed once; bad values fall back to the defaults rather than stopping the bundle. */
record Settings(int maxAttachmentBytes, int maxSignatureBytes, Map<String, Integer> slaVisits,
        List<ChecklistItem> checklistTemplate, ZoneId zone, int defaultMaxOpen, LocalTime workStart,
        LocalTime workEnd) {

    static Settings defaults() {
        return new Settings(10 * 1024 * 1024, 512 * 1024, parseVisits("A=4,B=2,C=1"),
                template("clean=Machine clean|water=Water filter|recipes=Recipes match"), ZoneId.of("UTC"), 3,
                LocalTime.of(8, 0), LocalTime.of(20, 0));
    }

    static Settings from(TicketsConfig c) {
        ZoneId zone;
        try {
            zone = c.zone() == null || c.zone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(c.zone().strip());
        } catch (DateTimeException e) {
            zone = ZoneId.systemDefault();
        }
        LocalTime[] hours = hours(c.defaultWorkingHours());
        return new Settings(Math.max(1, c.maxAttachmentBytes()), Math.max(1024, c.maxSignatureBytes()),
                parseVisits(c.slaVisits()), template(c.checklistTemplate()), zone, Math.max(1, c.defaultMaxOpen()),
                hours[0], hours[1]);
    }

    /** Visits per month for an SLA level: configured by name, or the level itself when it is a number. */
    int visits(String slaLevel) {
        if (slaLevel == null || slaLevel.isBlank()) {
            return 0;
        }
        String key = slaLevel.strip().toUpperCase(Locale.ROOT);
        Integer v = slaVisits.get(key);
        if (v != null) {
            return v;
        }
        try {
            return Math.max(0, Math.min(31, Integer.parseInt(key)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Map<String, Integer> parseVisits(String spec) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String part : spec == null ? new String[0] : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                try {
                    out.put(kv[0].strip().toUpperCase(Locale.ROOT), Integer.parseInt(kv[1].strip()));
                } catch (NumberFormatException e) {
                    // a typo in one level must not lose the others
                }
            }
        }
        return Map.copyOf(out);
    }

    static List<ChecklistItem> template(String spec) {
        List<ChecklistItem> out = new ArrayList<>();
        for (String part : spec == null ? new String[0] : spec.split("\\|")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                out.add(new ChecklistItem(kv[0].strip(), kv[1].strip(), null, null));
            }
        }
        return List.copyOf(out);
    }

    /** {@code HH:mm-HH:mm}; anything else means 08:00-20:00. */
    static LocalTime[] hours(String spec) {
        try {
            String[] p = spec.strip().split("-");
            return new LocalTime[] { LocalTime.parse(p[0].strip()), LocalTime.parse(p[1].strip()) };
        } catch (RuntimeException e) {
            return new LocalTime[] { LocalTime.of(8, 0), LocalTime.of(20, 0) };
        }
    }
}
