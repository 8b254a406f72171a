package org.coffeecontrol.monitoring.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemKind;

/** JDBC of the engine: the machine snapshot, problems, drink rollups, and reading core's event tail. */
final class StateStore {

    private StateStore() {
    }

    // ---- machine snapshot -------------------------------------------------------------------------------------

    /**
     * Writes what changed in these machines. Statements are prepared once and batched: under a full ingest load the
     * engine saves hundreds of machines per round, and one round-trip per reading used to cost more than the
     * ingest's own insert.
     */
    static void saveAll(Connection c, Collection<MachineLive> machines) throws SQLException {
        List<MachineLive> dirty = machines.stream().filter(m -> m.dirty).toList();
        upsert(c, "UPDATE cc_mon_machine SET last_seq = ?, last_seen = ?, last_event_time = ?, status = ?, "
                + "status_since = ?, drink_product = ?, drink_size = ?, drink_time = ?, cleaning_program = ?, "
                + "cleaning_start = ?, cleaning_end = ?, cleaning_completed = ? WHERE equipment_id = ?",
                "INSERT INTO cc_mon_machine (last_seq, last_seen, last_event_time, status, status_since, "
                + "drink_product, drink_size, drink_time, cleaning_program, cleaning_start, cleaning_end, "
                + "cleaning_completed, equipment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                dirty, (ps, m) -> {
                    bindMachine(ps, m);
                    ps.setLong(13, m.id);
                });
        List<ReadingRow> readings = new ArrayList<>();
        for (MachineLive m : machines) {
            m.dirtySensors.forEach(name -> readings.add(new ReadingRow(m.id, "S", name, m.sensors.get(name))));
            m.dirtyCounters.forEach(name -> readings.add(new ReadingRow(m.id, "C", name, m.counters.get(name))));
        }
        upsert(c, "UPDATE cc_mon_reading SET num = ?, text = ?, unit = ?, read_at = ? "
                + "WHERE equipment_id = ? AND kind = ? AND name = ?",
                "INSERT INTO cc_mon_reading (num, text, unit, read_at, equipment_id, kind, name) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                readings, (ps, r) -> bindReading(ps, r.id(), r.kind(), r.name(), r.reading()));
        List<MachineLive> errorsChanged = machines.stream().filter(m -> m.errorsDirty).toList();
        if (errorsChanged.isEmpty()) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM cc_mon_error WHERE equipment_id = ?");
                PreparedStatement ins = c.prepareStatement("INSERT INTO cc_mon_error (equipment_id, code, text, "
                        + "severity, since) VALUES (?, ?, ?, ?, ?)")) {
            for (MachineLive m : errorsChanged) {
                del.setLong(1, m.id);
                del.addBatch();
                for (MachineState.CurrentError e : m.errors.values()) {
                    ins.setLong(1, m.id);
                    ins.setString(2, Sql.clip(e.code(), 100));
                    ins.setString(3, Sql.clip(e.text(), 500));
                    ins.setString(4, e.severity());
                    ins.setTimestamp(5, Sql.ts(e.since()));
                    ins.addBatch();
                }
            }
            del.executeBatch();
            ins.executeBatch();
        }
    }

    private record ReadingRow(long id, String kind, String name, MachineState.Reading reading) {
    }

    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** Updates every row in one batch, then inserts, in a second batch, those that were not there yet. */
    private static <T> void upsert(Connection c, String update, String insert, List<T> rows, Binder<T> binder)
            throws SQLException {
        upsert(c, update, insert, rows, binder, binder);
    }

    private static <T> void upsert(Connection c, String update, String insert, List<T> rows, Binder<T> updateBinder,
            Binder<T> insertBinder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<T> missing = new ArrayList<>();
        try (PreparedStatement up = c.prepareStatement(update)) {
            for (T row : rows) {
                updateBinder.bind(up, row);
                up.addBatch();
            }
            int[] counts = up.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(insert)) {
            for (T row : missing) {
                insertBinder.bind(ins, row);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static void bindMachine(PreparedStatement ps, MachineLive m) throws SQLException {
        ps.setLong(1, m.lastSeq);
        ps.setTimestamp(2, Sql.ts(m.lastSeen));
        ps.setTimestamp(3, Sql.ts(m.lastEventTime));
        ps.setString(4, m.status.name());
        ps.setTimestamp(5, Sql.ts(m.since));
        MachineState.LastDrink d = m.drink;
        ps.setString(6, d == null ? null : Sql.clip(d.product(), 100));
        if (d == null || d.sizeMl() == null) {
            ps.setNull(7, Types.INTEGER);
        } else {
            ps.setInt(7, d.sizeMl());
        }
        ps.setTimestamp(8, d == null ? null : Sql.ts(d.at()));
        MachineState.LastCleaning cl = m.cleaning;
        ps.setString(9, cl == null ? null : Sql.clip(cl.program(), 100));
        ps.setTimestamp(10, cl == null ? null : Sql.ts(cl.start()));
        ps.setTimestamp(11, cl == null ? null : Sql.ts(cl.end()));
        if (cl == null) {
            ps.setNull(12, Types.BOOLEAN);
        } else {
            ps.setBoolean(12, cl.completed());
        }
    }

    private static void bindReading(PreparedStatement ps, long id, String kind, String name, MachineState.Reading r)
            throws SQLException {
        Sql.setDouble(ps, 1, r.value());
        ps.setString(2, Sql.clip(r.text(), 500));
        ps.setString(3, Sql.clip(r.unit(), 16));
        ps.setTimestamp(4, Sql.ts(r.at()));
        ps.setLong(5, id);
        ps.setString(6, kind);
        ps.setString(7, Sql.clip(name, 100));
    }

    /** Every persisted machine with its readings, current errors and open problems. */
    static Map<Long, MachineLive> loadAll(Connection c, LongFunction<String> serials) throws SQLException {
        Map<Long, MachineLive> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM cc_mon_machine")) {
            while (rs.next()) {
                MachineLive m = new MachineLive(rs.getLong("equipment_id"), Sql.instant(rs, "status_since"));
                m.lastSeq = rs.getLong("last_seq");
                m.lastSeen = Sql.instant(rs, "last_seen");
                m.lastEventTime = Sql.instant(rs, "last_event_time");
                m.status = MachineStatus.valueOf(rs.getString("status"));
                Instant drinkTime = Sql.instant(rs, "drink_time");
                if (drinkTime != null) {
                    int size = rs.getInt("drink_size");
                    m.drink = new MachineState.LastDrink(rs.getString("drink_product"), rs.wasNull() ? null : size,
                            drinkTime);
                }
                Instant cleaningStart = Sql.instant(rs, "cleaning_start");
                if (cleaningStart != null) {
                    m.cleaning = new MachineState.LastCleaning(rs.getString("cleaning_program"), cleaningStart,
                            Sql.instant(rs, "cleaning_end"), rs.getBoolean("cleaning_completed"));
                }
                out.put(m.id, m);
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM cc_mon_reading")) {
            while (rs.next()) {
                MachineLive m = out.get(rs.getLong("equipment_id"));
                if (m != null) {
                    double v = rs.getDouble("num");
                    MachineState.Reading r = new MachineState.Reading(rs.wasNull() ? null : v, rs.getString("text"),
                            rs.getString("unit"), Sql.instant(rs, "read_at"));
                    ("S".equals(rs.getString("kind")) ? m.sensors : m.counters).put(rs.getString("name"), r);
                }
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM cc_mon_error ORDER BY since")) {
            while (rs.next()) {
                MachineLive m = out.get(rs.getLong("equipment_id"));
                if (m != null) {
                    m.errors.put(rs.getString("code"), new MachineState.CurrentError(rs.getString("code"),
                            rs.getString("text"), rs.getString("severity"), Sql.instant(rs, "since")));
                }
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM cc_mon_problem WHERE end_time IS NULL")) {
            while (rs.next()) {
                Problem p = problem(rs, serials);
                MachineLive m = out.computeIfAbsent(p.equipmentId(), id -> new MachineLive(id, p.start()));
                if (p.kind() == ProblemKind.NOT_ONLINE) {
                    m.offline = p;
                } else {
                    m.critical.put(p.code(), p);
                }
            }
        }
        return out;
    }

    // ---- problems ---------------------------------------------------------------------------------------------

    static final String PROBLEM_COLUMNS = "id, equipment_id, pos_id, client_id, kind, code, text, start_time, end_time";

    static Problem problem(ResultSet rs, LongFunction<String> serials) throws SQLException {
        long equipmentId = rs.getLong("equipment_id");
        return new Problem(rs.getLong("id"), equipmentId, serials.apply(equipmentId), Sql.longOrNull(rs, "pos_id"),
                Sql.longOrNull(rs, "client_id"), ProblemKind.valueOf(rs.getString("kind")), rs.getString("code"),
                rs.getString("text"), Sql.instant(rs, "start_time"), Sql.instant(rs, "end_time"));
    }

    static long insertProblem(Connection c, Problem p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_mon_problem (equipment_id, pos_id, client_id, "
                + "kind, code, text, start_time, end_time, notified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, p.equipmentId());
            Sql.setLong(ps, 2, p.posId());
            Sql.setLong(ps, 3, p.clientId());
            ps.setString(4, p.kind().name());
            ps.setString(5, Sql.clip(p.code(), 100));
            ps.setString(6, Sql.clip(p.text(), 500));
            ps.setTimestamp(7, Sql.ts(p.start()));
            ps.setTimestamp(8, Sql.ts(p.end()));
            ps.setBoolean(9, false);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void closeProblem(Connection c, long id, Instant end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cc_mon_problem SET end_time = ? WHERE id = ?")) {
            ps.setTimestamp(1, Sql.ts(end));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static void markNotified(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cc_mon_problem SET notified = ? WHERE id = ?")) {
            ps.setBoolean(1, true);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    // ---- drinks -----------------------------------------------------------------------------------------------

    record DrinkKey(LocalDate day, long equipmentId, String product) {
    }

    record DrinkCount(Long posId, Long clientId, long count) {
    }

    /** Adds a transaction's drinks to the per-day rollup; the single engine thread makes update-then-insert safe. */
    static void addDrinks(Connection c, Map<DrinkKey, DrinkCount> drinks) throws SQLException {
        upsert(c, "UPDATE cc_mon_drink_day SET drinks = drinks + ? WHERE sale_day = ? AND equipment_id = ? "
                + "AND product = ?",
                "INSERT INTO cc_mon_drink_day (drinks, sale_day, equipment_id, product, pos_id, client_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)",
                List.copyOf(drinks.entrySet()), StateStore::bindDrinkKey, (ps, d) -> {
                    bindDrinkKey(ps, d);
                    Sql.setLong(ps, 5, d.getValue().posId());
                    Sql.setLong(ps, 6, d.getValue().clientId());
                });
    }

    private static void bindDrinkKey(PreparedStatement ps, Map.Entry<DrinkKey, DrinkCount> d) throws SQLException {
        ps.setLong(1, d.getValue().count());
        ps.setDate(2, java.sql.Date.valueOf(d.getKey().day()));
        ps.setLong(3, d.getKey().equipmentId());
        ps.setString(4, d.getKey().product());
    }
}
