package org.coffeecontrol.core.internal.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.coffeecontrol.api.ValidationException;

/**
 * Small string maps (firmware versions, technical attributes, opening hours) stored in one column as
 * {@code key=value} lines: portable across databases and readable in a SQL console.
 */
public final class MapColumn {

    private MapColumn() {
    }

    public static String write(Map<String, String> map, String field) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            String k = e.getKey() == null ? "" : e.getKey().trim();
            String v = e.getValue() == null ? "" : e.getValue().trim();
            if (k.isEmpty()) {
                throw new ValidationException(field, "keys must not be empty");
            }
            if (k.contains("=") || k.contains("\n") || v.contains("\n")) {
                throw new ValidationException(field, "'" + k + "' must not contain '=' or line breaks");
            }
            sb.append(k).append('=').append(v).append('\n');
        }
        return sb.toString();
    }

    public static Map<String, String> read(String column) {
        Map<String, String> map = new LinkedHashMap<>();
        if (column == null) {
            return map;
        }
        for (String line : column.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return map;
    }
}
