package org.coffeecontrol.ui.internal.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.html.Span;

/** What the monitoring views share: the service, the status colours and labels, time formatting. */
final class Monitoring {

    /** Interface name for {@code MenuEntry.requiredService}, a constant so that menus need not load the class. */
    static final String SERVICE = "org.coffeecontrol.monitoring.api.MonitoringService";
    /** The offset labels every time: a fleet list mixes shops of several zones. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private Monitoring() {
    }

    static MonitoringService service(ServiceSource services) {
        return ServiceProxies.proxy(services, MonitoringService.class);
    }

    /** The legend colour of a status; the map, the list badges and the legend use the same. */
    static String colour(MachineStatus s) {
        return switch (s) {
            case OK -> "#2e7d32";
            case PROBLEM -> "#c62828";
            case NOT_ONLINE -> "#ef6c00";
            case CLOSED -> "#9e9e9e";
        };
    }

    static String labelKey(MachineStatus s) {
        return "mon.status." + s.name();
    }

    /** A coloured status label with a stable class ({@code status-OK}, ...) for styles and tests. */
    static Span badge(MachineStatus s, String label) {
        Span b = new Span(label);
        b.addClassNames("mon-status", "status-" + s.name());
        b.getStyle().set("background", colour(s));
        return b;
    }

    /** Operators and the other roles the service lets write the journal. */
    static boolean mayWriteJournal(Caller c) {
        return c.has(Role.ADMIN) || c.hasAny(Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.ENGINEER);
    }

    /**
     * The zone times about a POS are shown in: the shop's own clock (the one its staff and mechanic talk about on
     * the phone), else the platform's; see docs/monitoring.md.
     */
    static ZoneId zoneOf(Map<Long, ZoneId> posZones, ZoneId platform, Long posId) {
        return posId == null ? platform : posZones.getOrDefault(posId, platform);
    }

    static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    /** {@code 2 d 3 h}, {@code 3 h 12 min}, {@code 4 min}: how long a problem has lasted, as an operator reads it. */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes >= 24 * 60) {
            return minutes / (24 * 60) + " d " + (minutes % (24 * 60)) / 60 + " h";
        }
        if (minutes >= 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes + " min";
    }

    /** JSON string literal (for the map's payloads). */
    static void json(StringBuilder out, String s) {
        out.append('"');
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
        out.append('"');
    }
}
