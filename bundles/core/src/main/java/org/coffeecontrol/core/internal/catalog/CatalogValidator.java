package org.coffeecontrol.core.internal.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.OpeningHours;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.core.internal.db.MapColumn;

/** Field checks that need no database; each failure names the field. */
final class CatalogValidator {

    static final Pattern FAMILY = Pattern.compile("[a-z0-9][a-z0-9_-]{1,49}");
    static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[?[0-9A-Fa-f:]+\\]?");
    static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    static final List<String> HELPDESK_ROUTES = List.of("INTRASERVICE", "EKDS", "EMAIL", "MANUAL");

    private CatalogValidator() {
    }

    static void client(Client c) {
        required("name", c.name(), 200);
        max("code", c.code(), 50);
        email("email", c.email());
        max("phone", c.phone(), 50);
        max("notes", c.notes(), 2000);
    }

    static void region(Region r) {
        required("name", r.name(), 200);
        max("code", r.code(), 50);
    }

    static void model(EquipmentModel m) {
        required("name", m.name(), 200);
        max("manufacturer", m.manufacturer(), 200);
        max("type", m.type(), 100);
        required("family", m.family(), 50);
        if (!FAMILY.matcher(m.family().trim().toLowerCase(Locale.ROOT)).matches()) {
            throw new ValidationException("family", "use 2-50 lower-case letters, digits, '-' or '_' (e.g. wmf)");
        }
    }

    /** @return the normalised opening hours column value */
    /** An IANA region id such as {@code Europe/Moscow}; fixed offsets would ignore the region's DST rules. */
    private static void timeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return;
        }
        if (!java.time.ZoneId.getAvailableZoneIds().contains(zone.strip())) {
            throw new ValidationException("timeZone", "'" + zone.strip()
                    + "' is not an IANA time zone such as Europe/Moscow or Asia/Novosibirsk");
        }
    }

    static String pointOfSale(PointOfSale p) {
        required("name", p.name(), 200);
        max("code", p.code(), 50);
        if (p.clientId() <= 0) {
            throw new ValidationException("clientId", "a point of sale must belong to a client");
        }
        max("address", p.address(), 500);
        if ((p.latitude() == null) != (p.longitude() == null)) {
            throw new ValidationException(p.latitude() == null ? "latitude" : "longitude",
                    "give both coordinates or none");
        }
        if (p.latitude() != null && (p.latitude().isNaN() || p.latitude() < -90 || p.latitude() > 90)) {
            throw new ValidationException("latitude", "must be between -90 and 90");
        }
        if (p.longitude() != null && (p.longitude().isNaN() || p.longitude() < -180 || p.longitude() > 180)) {
            throw new ValidationException("longitude", "must be between -180 and 180");
        }
        max("monitoringPackage", p.monitoringPackage(), 100);
        max("slaLevel", p.slaLevel(), 50);
        max("serviceOrganisation", p.serviceOrganisation(), 200);
        max("auditOrganisation", p.auditOrganisation(), 200);
        if (p.helpdeskRoute() != null && !p.helpdeskRoute().isBlank()
                && !HELPDESK_ROUTES.contains(p.helpdeskRoute().trim().toUpperCase(Locale.ROOT))) {
            throw new ValidationException("helpdeskRoute", "must be one of " + HELPDESK_ROUTES);
        }
        max("phone", p.phone(), 50);
        email("email", p.email());
        timeZone(p.timeZone());
        OpeningHours hours = OpeningHours.parse(p.openingHours(), "openingHours");
        Map<String, String> normalised = new java.util.LinkedHashMap<>();
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            String key = OpeningHours.DAY_KEYS.get(d.getValue() - 1);
            if (p.openingHours().keySet().stream().anyMatch(k -> k.trim().equalsIgnoreCase(key))) {
                normalised.put(key, hours.format(d));
            }
        }
        return MapColumn.write(normalised, "openingHours");
    }

    static String cleaningTimes(String spec) {
        max("cleaningTimes", spec, 200);
        return OpeningHours.parseTimes(spec, "cleaningTimes").stream().map(Object::toString)
                .collect(Collectors.collectingAndThen(Collectors.joining(","), s -> s.isEmpty() ? null : s));
    }

    static void equipment(Equipment e) {
        if (e.modelId() <= 0) {
            throw new ValidationException("modelId", "choose the equipment model");
        }
        required("serialNumber", e.serialNumber(), 100);
        if (!SERIAL.matcher(e.serialNumber().trim()).matches()) {
            throw new ValidationException("serialNumber",
                    "use letters, digits, '.', '_', '/', '-' only (up to 100 characters)");
        }
        max("inventoryNumber", e.inventoryNumber(), 100);
        if (e.host() != null && !e.host().isBlank()) {
            String h = e.host().trim();
            var ip = IPV4.matcher(h);
            if (ip.matches()) {
                for (int i = 1; i <= 4; i++) {
                    if (Integer.parseInt(ip.group(i)) > 255) {
                        throw new ValidationException("host", "'" + h + "' is not a valid IPv4 address");
                    }
                }
            } else if (!HOST.matcher(h).matches()) {
                throw new ValidationException("host", "'" + h + "' is neither an IP address nor a host name");
            }
        }
        if (e.sshPort() != null && (e.sshPort() < 1 || e.sshPort() > 65535)) {
            throw new ValidationException("sshPort", "must be between 1 and 65535");
        }
    }

    static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        max(field, value, max);
    }

    static void max(String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters");
        }
    }

    static void email(String field, String value) {
        if (value != null && !value.isBlank()) {
            max(field, value, 200);
            if (!EMAIL.matcher(value.trim()).matches()) {
                throw new ValidationException(field, "'" + value.trim() + "' is not an e-mail address");
            }
        }
    }
}
