package org.coffeecontrol.reports.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.coffeecontrol.api.telemetry.EventLog;
import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.api.telemetry.StoredEvent;

/**
 * Re-folds the day rollups that events at or below a machine's watermark touch, from core's stored events: the
 * day's drinks, heartbeats and sensor readings are recounted over every stored event up to the watermark (read from
 * core's {@link EventLog}, written in the same transaction as the fold), and the month rows move by the difference.
 * Recounting is idempotent, so a repeat of an event already folded changes nothing and a late one is counted exactly
 * once. Late cleaning runs are
 * added unless present. Rare by the ingest contract (resends repeat, they rarely reorder), so the cost of reading
 * the machine's events by key matters little.
 */
final class LateEvents {

    private LateEvents() {
    }

    /** @param days day × machine × event kind to recount; {@code watermarks} after this fold */
    static void refold(Connection c, EventLog eventLog, ZoneId zone, Set<RollupWriter.DayKey> days,
            Map<Long, Long> watermarks) throws SQLException {
        Map<RollupWriter.DayKey, long[]> monthDiffs = new LinkedHashMap<>();
        for (RollupWriter.DayKey k : days) {
            List<StoredEvent> stored = new ArrayList<>();
            Instant from = k.day().atStartOfDay(zone).toInstant();
            Instant to = k.day().plusDays(1).atStartOfDay(zone).toInstant();
            eventLog.read(EventQuery.of(k.equipmentId()).upToSeq(watermarks.get(k.equipmentId())).kinds(k.name())
                    .between(from, to), stored::add);
            switch (k.name()) {
                case "DRINK" -> drinks(c, k, stored, monthDiffs);
                case "HEARTBEAT" -> beats(c, k, stored.size());
                case "SENSOR" -> sensors(c, k, stored);
                default -> throw new IllegalArgumentException(k.name());
            }
        }
        monthDiffs.values().removeIf(d -> d[0] == 0);
        RollupWriter.addCounts(c, "cc_rep_drink_month", "sale_month", "product", "drinks", monthDiffs);
    }

    private static void drinks(Connection c, RollupWriter.DayKey k, List<StoredEvent> stored,
            Map<RollupWriter.DayKey, long[]> monthDiffs) throws SQLException {
        Map<String, Long> now = new HashMap<>();
        for (StoredEvent e : stored) {
            now.merge(Db.clip(e.code() == null ? "?" : e.code(), 100), 1L, Long::sum);
        }
        Map<String, Long> before = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT product, drinks FROM cc_rep_drink_day WHERE sale_day = ? AND equipment_id = ?")) {
            ps.setDate(1, Date.valueOf(k.day()));
            ps.setLong(2, k.equipmentId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    before.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        Set<String> products = new HashSet<>(now.keySet());
        products.addAll(before.keySet());
        for (String product : products) {
            long n = now.getOrDefault(product, 0L);
            Long b = before.get(product);
            if (b != null && b == n) {
                continue;
            }
            String sql = b == null ? "INSERT INTO cc_rep_drink_day (drinks, sale_day, equipment_id, product) VALUES (?, ?, ?, ?)"
                    : "UPDATE cc_rep_drink_day SET drinks = ? WHERE sale_day = ? AND equipment_id = ? AND product = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Db.bind(ps, List.of(n, k.day(), k.equipmentId(), product));
                ps.executeUpdate();
            }
            monthDiffs.computeIfAbsent(new RollupWriter.DayKey(k.day().withDayOfMonth(1), k.equipmentId(), product),
                    x -> new long[1])[0] += n - (b == null ? 0 : b);
        }
    }

    private static void beats(Connection c, RollupWriter.DayKey k, long n) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE cc_rep_beat_day SET beats = ? WHERE beat_day = ? AND equipment_id = ?")) {
            Db.bind(up, List.of(n, k.day(), k.equipmentId()));
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO cc_rep_beat_day (beats, beat_day, equipment_id) VALUES (?, ?, ?)")) {
                    Db.bind(in, List.of(n, k.day(), k.equipmentId()));
                    in.executeUpdate();
                }
            }
        }
    }

    private static void sensors(Connection c, RollupWriter.DayKey k, List<StoredEvent> stored) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM cc_rep_sensor_day WHERE read_day = ? AND equipment_id = ?")) {
            Db.bind(del, List.of(k.day(), k.equipmentId()));
            del.executeUpdate();
        }
        Map<String, RollupWriter.SensorAcc> bySensor = new TreeMap<>();
        for (StoredEvent e : stored) {
            if (e.code() == null || e.value() == null) {
                continue;
            }
            RollupWriter.SensorAcc a = bySensor.computeIfAbsent(e.code(), x -> new RollupWriter.SensorAcc());
            a.min = Math.min(a.min, e.value());
            a.max = Math.max(a.max, e.value());
            a.sum += e.value();
            a.count++;
            if (e.unit() != null && (a.unit == null || e.unit().compareTo(a.unit) > 0)) {
                a.unit = e.unit(); // as MAX(unit) did when this was one query
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO cc_rep_sensor_day (read_day, equipment_id, "
                + "sensor, unit, min_value, max_value, sum_value, readings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, RollupWriter.SensorAcc> s : bySensor.entrySet()) {
                RollupWriter.SensorAcc a = s.getValue();
                Db.bind(in, java.util.Arrays.asList(k.day(), k.equipmentId(), Db.clip(s.getKey(), 100),
                        Db.clip(a.unit, 16), a.min, a.max, a.sum, a.count));
                in.executeUpdate();
            }
        }
    }

    /** Late cleaning runs: added unless already present (same machine, start and sequence). */
    static void cleanings(Connection c, List<Object[]> runs) throws SQLException {
        for (Object[] r : runs) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM cc_rep_cleaning WHERE equipment_id = ? AND start_time = ? AND seq = ?")) {
                Db.bind(ps, List.of(r[0], r[1], r[2]));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        continue;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_rep_cleaning (equipment_id, start_time, seq, "
                    + "end_time, program, completed) VALUES (?, ?, ?, ?, ?, ?)")) {
                Db.bind(ps, java.util.Arrays.asList(r));
                ps.executeUpdate();
            }
        }
    }

}
