package org.coffeecontrol.reports.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import org.coffeecontrol.api.telemetry.EventLog;

/**
 * Folds events into the rollup tables. Each call is one transaction that also advances the per-machine watermark
 * ({@code cc_rep_machine.last_seq}): events at or below it are skipped, so feeding the same events twice (listener
 * and catch-up overlapping) counts them once, and a crash leaves rollups and watermark consistent. Single-threaded:
 * the owner serialises calls.
 */
final class RollupWriter {

    /** What the writer remembers of a machine between batches. */
    private record Mark(long lastSeq, Instant firstBeat, Instant lastBeat) {
        static final Mark NONE = new Mark(Long.MIN_VALUE, null, null);
    }

    record DayKey(LocalDate day, long equipmentId, String name) {
    }

    static final class SensorAcc {
        String unit;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum;
        long count;
    }

    private final DataSource ds;
    private final EventLog eventLog;
    private final ZoneId zone;
    private final Duration outageAfter;
    private final Map<Long, Mark> marks = new HashMap<>();
    /** Latest counter value per machine and key, loaded lazily: only changes are stored. */
    private final Map<Long, Map<String, String>> counters = new HashMap<>();
    private boolean loaded;

    RollupWriter(DataSource ds, EventLog eventLog, ZoneId zone, Duration outageAfter) {
        this.ds = ds;
        this.eventLog = eventLog;
        this.zone = zone;
        this.outageAfter = outageAfter;
    }

    ZoneId zone() {
        return zone;
    }

    /** The watermark of every machine seen so far. */
    Map<Long, Long> watermarks() {
        load();
        Map<Long, Long> out = new HashMap<>();
        marks.forEach((id, m) -> out.put(id, m.lastSeq()));
        return out;
    }

    private void load() {
        if (loaded) {
            return;
        }
        Db.query(ds, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT equipment_id, last_seq, first_beat, last_beat FROM cc_rep_machine")) {
                while (rs.next()) {
                    marks.put(rs.getLong(1), new Mark(rs.getLong(2), Db.instant(rs, 3), Db.instant(rs, 4)));
                }
            }
            return null;
        });
        loaded = true;
    }

    /** Forgets the caches after a failed transaction, so the next call reads what is really committed. */
    void reset() {
        marks.clear();
        counters.clear();
        loaded = false;
    }

    /** @return how many events were new */
    int apply(Map<Long, List<RawEvent>> byMachine) {
        load();
        Map<DayKey, long[]> drinkDays = new LinkedHashMap<>();
        Map<DayKey, long[]> drinkMonths = new LinkedHashMap<>();
        Map<DayKey, long[]> beats = new LinkedHashMap<>();
        Map<DayKey, SensorAcc> sensors = new LinkedHashMap<>();
        List<Object[]> outages = new ArrayList<>();
        List<Object[]> cleanings = new ArrayList<>();
        List<Object[]> counterRows = new ArrayList<>();
        List<Object[]> errorOps = new ArrayList<>();
        Map<Long, Mark> newMarks = new HashMap<>();
        Map<Long, Map<String, String>> newCounters = new HashMap<>();
        List<Object[]> lateCleanings = new ArrayList<>();
        java.util.Set<DayKey> lateDays = new java.util.LinkedHashSet<>();
        int fresh = 0;
        for (Map.Entry<Long, List<RawEvent>> entry : byMachine.entrySet()) {
            long eq = entry.getKey();
            Mark m = marks.getOrDefault(eq, Mark.NONE);
            long lastSeq = m.lastSeq();
            Instant firstBeat = m.firstBeat();
            Instant lastBeat = m.lastBeat();
            List<RawEvent> events = new ArrayList<>(entry.getValue());
            events.sort(Comparator.comparingLong(RawEvent::seq));
            for (RawEvent e : events) {
                if (e.time() == null) {
                    continue;
                }
                if (e.seq() <= lastSeq) {
                    late(eq, e, lateDays, lateCleanings);
                    continue;
                }
                lastSeq = e.seq();
                fresh++;
                LocalDate day = LocalDate.ofInstant(e.time(), zone);
                switch (e.kind()) {
                    case "DRINK" -> {
                        String product = Db.clip(e.code() == null ? "?" : e.code(), 100);
                        drinkDays.computeIfAbsent(new DayKey(day, eq, product), k -> new long[1])[0]++;
                        drinkMonths.computeIfAbsent(new DayKey(day.withDayOfMonth(1), eq, product),
                                k -> new long[1])[0]++;
                    }
                    case "HEARTBEAT" -> {
                        beats.computeIfAbsent(new DayKey(day, eq, ""), k -> new long[1])[0]++;
                        if (lastBeat != null && Duration.between(lastBeat, e.time()).compareTo(outageAfter) > 0) {
                            outages.add(new Object[] { eq, lastBeat, e.time() });
                        }
                        if (firstBeat == null) {
                            firstBeat = e.time();
                        }
                        if (lastBeat == null || e.time().isAfter(lastBeat)) {
                            lastBeat = e.time();
                        }
                    }
                    case "SENSOR" -> {
                        if (e.num() != null && !e.num().isNaN() && !e.num().isInfinite() && e.code() != null) {
                            SensorAcc a = sensors.computeIfAbsent(new DayKey(day, eq, Db.clip(e.code(), 100)),
                                    k -> new SensorAcc());
                            a.unit = e.unit();
                            a.min = Math.min(a.min, e.num());
                            a.max = Math.max(a.max, e.num());
                            a.sum += e.num();
                            a.count++;
                        }
                    }
                    case "COUNTER" -> {
                        if (e.code() != null) {
                            Map<String, String> known = newCounters.computeIfAbsent(eq, this::countersOf);
                            String key = Db.clip(e.code(), 100);
                            String value = Db.clip(e.text(), 500);
                            if (!known.containsKey(key) || !java.util.Objects.equals(known.get(key), value)) {
                                known.put(key, value);
                                counterRows.add(new Object[] { eq, key, e.time(), value });
                            }
                        }
                    }
                    case "CLEANING" -> cleanings.add(new Object[] { eq, e.time(), e.seq(), e.end(),
                            Db.clip(e.code(), 100), !"aborted".equals(e.text()) });
                    case "ERROR", "ERROR_CLEARED" -> errorOps.add(new Object[] { eq, e });
                    default -> {
                        // notices carry nothing a report counts
                    }
                }
            }
            newMarks.put(eq, new Mark(lastSeq, firstBeat, lastBeat));
        }
        if (fresh == 0 && lateDays.isEmpty() && lateCleanings.isEmpty()) {
            return 0;
        }
        try {
            Db.inTransaction(ds, c -> {
                addCounts(c, "cc_rep_drink_day", "sale_day", "product", "drinks", drinkDays);
                addCounts(c, "cc_rep_drink_month", "sale_month", "product", "drinks", drinkMonths);
                addCounts(c, "cc_rep_beat_day", "beat_day", null, "beats", beats);
                addSensors(c, sensors);
                insert(c, "INSERT INTO cc_rep_outage (equipment_id, start_time, end_time) VALUES (?, ?, ?)", outages);
                insert(c, "INSERT INTO cc_rep_cleaning (equipment_id, start_time, seq, end_time, program, completed) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", cleanings);
                insert(c, "INSERT INTO cc_rep_counter (equipment_id, ckey, read_at, cvalue) VALUES (?, ?, ?, ?)",
                        counterRows);
                errors(c, errorOps);
                saveMarks(c, newMarks);
                LateEvents.refold(c, eventLog, zone, lateDays, newMarks.entrySet().stream().collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, m -> m.getValue().lastSeq())));
                LateEvents.cleanings(c, lateCleanings);
                return null;
            });
        } catch (RuntimeException e) {
            reset();
            throw e;
        }
        marks.putAll(newMarks);
        counters.putAll(newCounters);
        return fresh;
    }

    /**
     * An event at or below the watermark: a repeat of one already folded, or one core stored after a newer one (a
     * resend of an older batch). Core hands listeners only newly stored events, but the catch-up may already have
     * folded a batch the listener then delivers, so the two cannot be told apart here: the day's counts are instead
     * re-folded from the stored events ({@link LateEvents}), which is right in both cases.
     */
    private void late(long eq, RawEvent e, java.util.Set<DayKey> lateDays, List<Object[]> lateCleanings) {
        LocalDate day = LocalDate.ofInstant(e.time(), zone);
        switch (e.kind()) {
            case "DRINK", "HEARTBEAT", "SENSOR" -> lateDays.add(new DayKey(day, eq, e.kind()));
            case "CLEANING" -> lateCleanings.add(new Object[] { eq, e.time(), e.seq(), e.end(),
                    Db.clip(e.code(), 100), !"aborted".equals(e.text()) });
            default -> {
                // errors, counters and outages depend on event order: a late one is left to a rebuild
            }
        }
    }

    private Map<String, String> countersOf(long eq) {
        Map<String, String> cached = counters.get(eq);
        if (cached != null) {
            return new HashMap<>(cached);
        }
        // newest value per key: rows arrive in time order per machine, so the last row read wins
        return Db.query(ds, c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ckey, cvalue FROM cc_rep_counter WHERE equipment_id = ? ORDER BY read_at")) {
                ps.setLong(1, eq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** Adds to existing count rows, inserting those that do not exist yet. */
    static void addCounts(Connection c, String table, String dayColumn, String nameColumn, String countColumn,
            Map<DayKey, long[]> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        String where = dayColumn + " = ? AND equipment_id = ?" + (nameColumn == null ? "" : " AND " + nameColumn + " = ?");
        List<Map.Entry<DayKey, long[]>> rows = new ArrayList<>(counts.entrySet());
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + table + " SET " + countColumn + " = " + countColumn + " + ? WHERE " + where)) {
            for (Map.Entry<DayKey, long[]> r : rows) {
                ps.setLong(1, r.getValue()[0]);
                bindKey(ps, 2, r.getKey(), nameColumn != null);
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        String cols = dayColumn + ", equipment_id" + (nameColumn == null ? "" : ", " + nameColumn) + ", " + countColumn;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES ("
                + Db.marks(nameColumn == null ? 3 : 4) + ")")) {
            boolean any = false;
            for (int i = 0; i < rows.size(); i++) {
                if (updated[i] == 0) {
                    int next = bindKey(ps, 1, rows.get(i).getKey(), nameColumn != null);
                    ps.setLong(next, rows.get(i).getValue()[0]);
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static int bindKey(PreparedStatement ps, int at, DayKey k, boolean withName) throws SQLException {
        ps.setDate(at, Date.valueOf(k.day()));
        ps.setLong(at + 1, k.equipmentId());
        if (withName) {
            ps.setString(at + 2, k.name());
            return at + 3;
        }
        return at + 2;
    }

    private static void addSensors(Connection c, Map<DayKey, SensorAcc> sensors) throws SQLException {
        if (sensors.isEmpty()) {
            return;
        }
        List<Map.Entry<DayKey, SensorAcc>> rows = new ArrayList<>(sensors.entrySet());
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE cc_rep_sensor_day SET "
                + "min_value = CASE WHEN CAST(? AS DOUBLE PRECISION) < min_value THEN CAST(? AS DOUBLE PRECISION) ELSE min_value END, "
                + "max_value = CASE WHEN CAST(? AS DOUBLE PRECISION) > max_value THEN CAST(? AS DOUBLE PRECISION) ELSE max_value END, "
                + "sum_value = sum_value + ?, readings = readings + ? "
                + "WHERE read_day = ? AND equipment_id = ? AND sensor = ?")) {
            for (Map.Entry<DayKey, SensorAcc> r : rows) {
                SensorAcc a = r.getValue();
                ps.setDouble(1, a.min);
                ps.setDouble(2, a.min);
                ps.setDouble(3, a.max);
                ps.setDouble(4, a.max);
                ps.setDouble(5, a.sum);
                ps.setLong(6, a.count);
                bindKey(ps, 7, r.getKey(), true);
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                DayKey k = rows.get(i).getKey();
                SensorAcc a = rows.get(i).getValue();
                inserts.add(new Object[] { k.day(), k.equipmentId(), k.name(), Db.clip(a.unit, 16), a.min, a.max,
                        a.sum, a.count });
            }
        }
        insert(c, "INSERT INTO cc_rep_sensor_day (read_day, equipment_id, sensor, unit, min_value, max_value, "
                + "sum_value, readings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
    }

    private static void insert(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] r : rows) {
                Db.bind(ps, java.util.Arrays.asList(r));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Raises open an interval unless that code is already open; clears close the open one. In event order. */
    private static void errors(Connection c, List<Object[]> ops) throws SQLException {
        if (ops.isEmpty()) {
            return;
        }
        try (PreparedStatement open = c.prepareStatement(
                "SELECT COUNT(*) FROM cc_rep_error WHERE equipment_id = ? AND code = ? AND end_time IS NULL");
                PreparedStatement raise = c.prepareStatement("INSERT INTO cc_rep_error (equipment_id, code, "
                        + "start_time, seq, end_time, severity, text) VALUES (?, ?, ?, ?, NULL, ?, ?)");
                PreparedStatement clear = c.prepareStatement("UPDATE cc_rep_error SET end_time = ? "
                        + "WHERE equipment_id = ? AND code = ? AND end_time IS NULL")) {
            for (Object[] op : ops) {
                long eq = (Long) op[0];
                RawEvent e = (RawEvent) op[1];
                String code = Db.clip(e.code() == null ? "?" : e.code(), 100);
                if ("ERROR".equals(e.kind())) {
                    open.setLong(1, eq);
                    open.setString(2, code);
                    try (ResultSet rs = open.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            continue;
                        }
                    }
                    Db.bind(raise, java.util.Arrays.asList(eq, code, e.time(), e.seq(), e.severity(),
                            Db.clip(e.text(), 500)));
                    raise.executeUpdate();
                } else {
                    Db.bind(clear, List.of(e.time(), eq, code));
                    clear.executeUpdate();
                }
            }
        }
    }

    private void saveMarks(Connection c, Map<Long, Mark> newMarks) throws SQLException {
        List<Object[]> inserts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE cc_rep_machine SET last_seq = ?, first_beat = ?, last_beat = ? WHERE equipment_id = ?")) {
            for (Map.Entry<Long, Mark> e : newMarks.entrySet()) {
                Mark m = e.getValue();
                if (marks.containsKey(e.getKey())) {
                    ps.setLong(1, m.lastSeq());
                    ps.setTimestamp(2, Db.ts(m.firstBeat()));
                    ps.setTimestamp(3, Db.ts(m.lastBeat()));
                    ps.setLong(4, e.getKey());
                    ps.addBatch();
                } else {
                    inserts.add(new Object[] { e.getKey(), m.lastSeq(), m.firstBeat(), m.lastBeat() });
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO cc_rep_machine (equipment_id, last_seq, first_beat, last_beat) VALUES (?, ?, ?, ?)")) {
            for (Object[] r : inserts) {
                ps.setLong(1, (Long) r[0]);
                ps.setLong(2, (Long) r[1]);
                ps.setTimestamp(3, Db.ts((Instant) r[2]));
                ps.setTimestamp(4, Db.ts((Instant) r[3]));
                ps.addBatch();
            }
            if (!inserts.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** Empties every rollup and watermark: the next catch-up rebuilds them from the raw events. */
    void clear() {
        Db.inTransaction(ds, c -> {
            try (Statement st = c.createStatement()) {
                for (String t : List.of("cc_rep_drink_day", "cc_rep_drink_month", "cc_rep_beat_day", "cc_rep_outage",
                        "cc_rep_cleaning", "cc_rep_error", "cc_rep_sensor_day", "cc_rep_counter", "cc_rep_machine")) {
                    st.executeUpdate("DELETE FROM " + t);
                }
            }
            return null;
        });
        reset();
    }
}
