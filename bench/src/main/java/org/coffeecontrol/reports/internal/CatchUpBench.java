package org.coffeecontrol.reports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;

/**
 * The rollup catch-up through core's {@link org.coffeecontrol.api.telemetry.EventLog} against the way it read
 * before the log existed — its own SQL on core's {@code cc_event}, chunk by chunk — on the same stored events, in
 * the same run ({@code bench/run-catchup.sh}). Both fold through the same {@link RollupWriter}; the rollups are
 * cleared before each run, and the two ways alternate so that neither always runs on a warmer cache.
 */
public final class CatchUpBench {

    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

    private CatchUpBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int machines = Integer.parseInt(o.getOrDefault("machines", "100"));
        int events = Integer.parseInt(o.getOrDefault("events", "2000"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "3"));

        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:catchup");
        ds.setCreateDatabase("create");
        Store store = new Store(ds);
        long l0 = System.nanoTime();
        for (long m = 1; m <= machines; m++) {
            store.store(m, events(events));
        }
        System.out.printf(Locale.ROOT, "Stored %,d events of %d machines in %.1f s%n", (long) machines * events,
                machines, (System.nanoTime() - l0) / 1e9);
        Schema.upgrade(ds);

        JdbcEventLog log = new JdbcEventLog(ds);
        RollupWriter writer = new RollupWriter(ds, log, ZoneOffset.UTC, Duration.ofMinutes(5));
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        RollupFeed feed = new RollupFeed(ds, log, writer, thread);
        double bestLog = Double.MAX_VALUE;
        double bestDirect = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            for (boolean viaLog : r % 2 == 0 ? new boolean[] { true, false } : new boolean[] { false, true }) {
                writer.clear();
                long t0 = System.nanoTime();
                long folded = viaLog ? timedLog(feed) : direct(ds, writer);
                double s = (System.nanoTime() - t0) / 1e9;
                if (folded != (long) machines * events) {
                    throw new IllegalStateException((viaLog ? "log" : "direct") + " folded " + folded);
                }
                System.out.printf(Locale.ROOT, "run %d %-6s %,d events folded in %.3f s%n", r + 1,
                        viaLog ? "log" : "direct", folded, s);
                if (viaLog) {
                    bestLog = Math.min(bestLog, s);
                } else {
                    bestDirect = Math.min(bestDirect, s);
                }
            }
        }
        thread.shutdownNow();
        System.out.printf(Locale.ROOT, "Catch-up of %,d events: through the EventLog %.3f s, direct SQL on cc_event (the "
                + "former way) %.3f s, best of %d; ratio log / direct %.2f%n", (long) machines * events, bestLog,
                bestDirect, runs, bestLog / bestDirect);
    }

    private static long timedLog(RollupFeed feed) {
        long before = feed.eventsFolded();
        feed.catchUp();
        return feed.eventsFolded() - before;
    }

    /** What the rollup feed did before the EventLog: contacts and events read with its own SQL, same chunks. */
    private static long direct(EmbeddedDataSource ds, RollupWriter writer) throws SQLException {
        Map<Long, Long> mine = writer.watermarks();
        Map<Long, Long> core = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT equipment_id, last_seq FROM cc_machine_contact")) {
            while (rs.next()) {
                core.put(rs.getLong(1), rs.getLong(2));
            }
        }
        long folded = 0;
        for (Map.Entry<Long, Long> m : core.entrySet()) {
            long from = mine.getOrDefault(m.getKey(), Long.MIN_VALUE);
            while (from < m.getValue()) {
                List<RawEvent> chunk = chunk(ds, m.getKey(), from);
                if (chunk.isEmpty()) {
                    break;
                }
                folded += writer.apply(Map.of(m.getKey(), chunk));
                from = chunk.get(chunk.size() - 1).seq();
                if (chunk.size() < RollupFeed.CHUNK) {
                    break;
                }
            }
        }
        return folded;
    }

    private static List<RawEvent> chunk(EmbeddedDataSource ds, long equipmentId, long afterSeq) throws SQLException {
        List<RawEvent> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT seq, event_time, "
                + "kind, code, text, num, unit, severity, end_time FROM cc_event WHERE equipment_id = ? AND seq > ? "
                + "ORDER BY seq FETCH FIRST " + RollupFeed.CHUNK + " ROWS ONLY")) {
            ps.setLong(1, equipmentId);
            ps.setLong(2, afterSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double n = rs.getDouble(6);
                    Double num = rs.wasNull() ? null : n;
                    Timestamp end = rs.getTimestamp(9);
                    out.add(new RawEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), num, rs.getString(7), rs.getString(8),
                            end == null ? null : end.toInstant()));
                }
            }
        }
        return out;
    }

    /** A busy machine's day: a drink every minute or so, heartbeats and a boiler sensor in between. */
    private static List<MachineEvent> events(int n) {
        List<MachineEvent> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Instant t = T0.plusSeconds(60L * i);
            out.add(switch (i % 10) {
                case 7, 8 -> new MachineEvent.Heartbeat(i, t);
                case 9 -> new MachineEvent.SensorReading(i, t, "boiler_temp", 90 + i % 7, "C");
                default -> new MachineEvent.DrinkMade(i, t, i % 3 == 0 ? "Cappuccino 300" : "Americano 200", 200);
            });
        }
        return out;
    }
}
