package org.coffeecontrol.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;
import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;

/**
 * The reports benchmark (issue 7's figures), run by {@code bench/run-reports.sh}, never by the test suites.
 * <ol>
 * <li><b>Data set</b> (built once, cached with a manifest; {@code --reuse} only measures): every machine of the
 * fleet plays the whole period with the simulator's generator ({@code --traffic} scales the points of sale's
 * traffic); every drink goes into core's raw event table {@code cc_event} (core's columns and key) and, through
 * {@link RollupWriter} — the writer the ingest listener and the catch-up use — into the rollups.</li>
 * <li>The drinks report grouped by POS × product × month over the period, from the rollups, against the naive
 * way over the very same raw rows: scanning every raw drink (grouped in Java, and grouped by Derby with
 * {@code GROUP BY}); both naive results are compared group by group with the report.</li>
 * <li>An xlsx export of a report with at least {@code --xlsx-rows} rows and the heap peak (run with a small
 * -Xmx to see it stay bounded).</li>
 * </ol>
 */
public final class ReportsBench {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final String IN_PROGRESS = "in progress";

    private final int machines;
    private final int days;
    private final double traffic;
    private final long seed;
    private final Catalog catalog = new Catalog();
    private final FleetModel fleet;
    /** Equipment ids in catalogue order; the catalogue is rebuilt identically on every run. */
    private final List<Long> order = new ArrayList<>();
    private final Map<Long, MachineSpec> specs = new HashMap<>();
    private final Map<Long, Long> posOf = new HashMap<>();
    private final Map<Long, String> posName = new HashMap<>();

    private ReportsBench(int machines, int days, double traffic, long seed) {
        this.machines = machines;
        this.days = days;
        this.traffic = traffic;
        this.seed = seed;
        this.fleet = FleetModel.generate(new FleetSpec(seed, machines, Math.max(1, machines * 2 / 5), 3), traffic);
        long client = catalog.addClient("Bench");
        Map<String, Long> pos = new HashMap<>();
        for (MachineSpec m : fleet.machines()) {
            long p = pos.computeIfAbsent(m.posCode(), c -> {
                long id = catalog.addPos(fleet.pos(c).name(), client, null, fleet.pos(c).openingHours(),
                        fleet.pos(c).cleaningTimes());
                posName.put(id, fleet.pos(c).name());
                return id;
            });
            long id = catalog.addMachine(m.serial(), p);
            order.add(id);
            specs.put(id, m);
            posOf.put(id, p);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        ReportsBench b = new ReportsBench(Integer.parseInt(o.getOrDefault("machines", "1000")),
                Integer.parseInt(o.getOrDefault("days", "365")), Double.parseDouble(o.getOrDefault("traffic", "3.0")),
                Long.parseLong(o.getOrDefault("seed", "42")));
        Path dir = Path.of(o.getOrDefault("dir", "target/bench-reports"));
        int xlsxRows = Integer.parseInt(o.getOrDefault("xlsx-rows", "100000"));
        int naiveRuns = Integer.parseInt(o.getOrDefault("naive-runs", "1"));
        boolean naiveSql = Boolean.parseBoolean(o.getOrDefault("naive-sql", "true"));
        System.out.printf(Locale.ROOT, "Fleet: %d machines at %d points of sale, %d days from %s, traffic x%.2f, seed %d%n",
                b.machines, b.posName.size(), b.days, T0, b.traffic, b.seed);
        Properties manifest;
        if (o.containsKey("reuse")) {
            manifest = b.checkManifest(dir);
            if (IN_PROGRESS.equals(manifest.getProperty("built"))) {
                System.out.println("The data set is incomplete (an interrupted load): measuring the machines stored");
            }
            System.out.println("Reusing the data set in " + dir + " built " + manifest.getProperty("built"));
        } else {
            manifest = b.load(dir, Integer.parseInt(o.getOrDefault("threads", "4")),
                    Integer.parseInt(o.getOrDefault("patterns", "0")), Double.parseDouble(o.getOrDefault("load-seconds", "0")));
        }
        System.out.printf(Locale.ROOT, "Data set: %s machines stored (the first %s played by the generator, the others "
                + "copies of them), %s drinks, %s rollup day rows, %s month rows, %s MB on disk (this load %s s)%n",
                manifest.getProperty("machinesStored"), manifest.getProperty("played"), manifest.getProperty("drinks"),
                manifest.getProperty("dayRows"), manifest.getProperty("monthRows"), manifest.getProperty("diskMb"),
                manifest.getProperty("loadSeconds"));
        if (o.containsKey("load-only")) {
            return;
        }
        b.measure(dir, xlsxRows, naiveRuns, naiveSql);
    }

    private static EmbeddedDataSource dataSource(Path dir, boolean create) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("derby").toString());
        if (create) {
            ds.setCreateDatabase("create");
        }
        return ds;
    }

    private Properties expected() {
        Properties p = new Properties();
        p.setProperty("machines", Integer.toString(machines));
        p.setProperty("days", Integer.toString(days));
        p.setProperty("traffic", Double.toString(traffic));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("start", T0.toString());
        return p;
    }

    private Properties checkManifest(Path dir) throws IOException {
        Path file = dir.resolve("manifest.properties");
        if (!Files.exists(file)) {
            throw new IllegalStateException("--reuse: no data set in " + dir + " (run once without --reuse)");
        }
        Properties m = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            m.load(r);
        }
        expected().forEach((k, v) -> {
            if (!v.equals(m.getProperty((String) k))) {
                throw new IllegalStateException("--reuse: the data set in " + dir + " was built with " + k + "="
                        + m.getProperty((String) k) + ", not " + v);
            }
        });
        return m;
    }

    /**
     * Builds (or, after an interruption, completes) the data set. The first {@code patterns} machines (all when 0)
     * are played: {@code threads} workers each take the next machine not stored yet, play its whole period with the
     * generator, store its drinks as core's rows (one commit with its contact row, as core's writer would have over
     * the year) and fold them with a {@link RollupWriter} of their own (machines are disjoint) in catch-up sized
     * chunks. Every further machine is a copy of pattern {@code i % patterns} under its own id and point of sale:
     * its raw rows copied inside Derby and its rollup rows written alongside, in one commit (playing 1,000 machines
     * for a year costs CPU hours that a shared machine does not have). A played machine whose raw rows were
     * committed but whose fold did not finish is folded by the catch-up every measuring run starts with.
     */
    private Properties load(Path dir, int threads, int patterns, double loadSeconds) throws Exception {
        boolean resume = Files.exists(dir.resolve("manifest.properties"));
        if (resume) {
            checkManifest(dir);
        } else {
            deleteTree(dir);
            Files.createDirectories(dir);
        }
        EmbeddedDataSource ds = dataSource(dir, true);
        new Store(ds); // on a resumed data set: only the tables a newer core added
        if (!resume) {
            Properties m = expected();
            m.setProperty("built", IN_PROGRESS);
            save(dir, m);
        }
        ReportServiceImpl schema = new ReportServiceImpl(ds, new JdbcEventLog(ds),
                catalog, Settings.defaults(ZoneOffset.UTC),
                Clock.systemUTC(), false);
        schema.deactivate();
        Set<Long> stored = new HashSet<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT equipment_id FROM cc_machine_contact"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.add(rs.getLong(1));
            }
        }
        int played = patterns <= 0 ? order.size() : Math.min(patterns, order.size());
        List<Long> toPlay = order.subList(0, played).stream().filter(id -> !stored.contains(id)).toList();
        List<Long> toCopy = order.subList(played, order.size()).stream().filter(id -> !stored.contains(id)).toList();
        System.out.printf(Locale.ROOT, "Loading: %d machines to play with the generator, %d to copy from them (%d stored "
                + "before), %d workers%n", toPlay.size(), toCopy.size(), stored.size(), threads);
        Instant end = T0.plus(Duration.ofDays(days));
        Progress progress = new Progress();
        if (loadSeconds > 0) {
            progress.stopAt = progress.t0 + (long) (loadSeconds * 1e9);
        }
        parallel(ds, threads, toPlay, "played", progress, () -> {
            RollupWriter writer = new RollupWriter(ds, new JdbcEventLog(ds), ZoneOffset.UTC, Duration.ofMinutes(5));
            return (c, id) -> {
                List<RawEvent> machine = drinksOf(specs.get(id).serial(), end);
                long r0 = System.nanoTime();
                insertRaw(c, id, machine, end);
                long f0 = System.nanoTime();
                for (int from = 0; from < machine.size(); from += RollupFeed.CHUNK) {
                    writer.apply(Map.of(id, machine.subList(from, Math.min(machine.size(), from + RollupFeed.CHUNK))));
                }
                progress.raw.addAndGet(f0 - r0);
                progress.fold.addAndGet(System.nanoTime() - f0);
                return machine.size();
            };
        });
        if (!toCopy.isEmpty()) {
            Map<Long, List<Object[]>> days = rollupRows(ds, "cc_rep_drink_day", "sale_day");
            Map<Long, List<Object[]>> months = rollupRows(ds, "cc_rep_drink_month", "sale_month");
            parallel(ds, threads, toCopy, "copied", progress, () -> (c, id) -> {
                long pattern = order.get(order.indexOf(id) % played);
                return copyMachine(c, pattern, id, days.getOrDefault(pattern, List.of()),
                        months.getOrDefault(pattern, List.of()), end);
            });
        }
        double took = (System.nanoTime() - progress.t0) / 1e9;
        Properties m = expected();
        m.setProperty("played", Integer.toString(played));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*), SUM(drinks) FROM cc_rep_drink_day"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            m.setProperty("dayRows", String.format(Locale.ROOT, "%,d", rs.getLong(1)));
            m.setProperty("drinks", String.format(Locale.ROOT, "%,d", rs.getLong(2)));
        }
        m.setProperty("monthRows", String.format(Locale.ROOT, "%,d", count(ds, "cc_rep_drink_month")));
        m.setProperty("loadSeconds", String.format(Locale.ROOT, "%.0f", took));
        long machinesStored = count(ds, "cc_machine_contact");
        m.setProperty("machinesStored", Long.toString(machinesStored));
        m.setProperty("built", machinesStored < order.size() ? IN_PROGRESS
                : Instant.now() + (resume ? " (completed by a resumed load)" : ""));
        m.setProperty("diskMb", Long.toString(du(dir.resolve("derby")) / (1024 * 1024)));
        save(dir, m);
        System.out.printf(Locale.ROOT, "Loaded %,d drinks in %.0f s (workers' time: raw insert %.0f s, rollup writer %.0f s)%n",
                progress.drinks.get(), took, progress.raw.get() / 1e9, progress.fold.get() / 1e9);
        return m;
    }

    /** Load counters shared by the workers. */
    private static final class Progress {
        final long t0 = System.nanoTime();
        /** After this (System.nanoTime) no further machine is started; the data set stays incomplete but consistent. */
        long stopAt = Long.MAX_VALUE;
        final AtomicLong drinks = new AtomicLong();
        final AtomicLong raw = new AtomicLong();
        final AtomicLong fold = new AtomicLong();
    }

    @FunctionalInterface
    interface MachineLoad {
        /** Stores one machine, committing on {@code c}; answers its drinks. */
        int load(Connection c, long equipmentId) throws Exception;
    }

    /** Runs a loader per worker (each with its own connection) over {@code ids}, printing progress. */
    private static void parallel(EmbeddedDataSource ds, int threads, List<Long> ids, String verb, Progress p,
            Callable<MachineLoad> loaders) throws Exception {
        Queue<Long> todo = new ConcurrentLinkedQueue<>(ids);
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            running.add(workers.submit(() -> {
                MachineLoad loader = loaders.call();
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    for (Long id = todo.poll(); id != null && System.nanoTime() < p.stopAt; id = todo.poll()) {
                        long sum = p.drinks.addAndGet(loader.load(c, id));
                        int n = done.incrementAndGet();
                        if (n % 25 == 0 || n == ids.size()) {
                            double sec = (System.nanoTime() - t0) / 1e9;
                            System.out.printf(Locale.ROOT, "  %s %d/%d machines, %,d drinks in all, %.0f s (workers' "
                                    + "time: raw insert %.0f s, rollup writer %.0f s), ETA %.0f s%n", verb, n, ids.size(),
                                    sum, sec, p.raw.get() / 1e9, p.fold.get() / 1e9, sec / n * (ids.size() - n));
                        }
                    }
                }
                return null;
            }));
        }
        workers.shutdown();
        for (Future<?> f : running) {
            f.get();
        }
    }

    /** A table's drink rollup rows by machine: day, product, drinks. */
    private static Map<Long, List<Object[]>> rollupRows(EmbeddedDataSource ds, String table, String dayColumn)
            throws SQLException {
        Map<Long, List<Object[]>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT equipment_id, " + dayColumn + ", product, drinks FROM " + table); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Object[] { rs.getDate(2), rs.getString(3), rs.getLong(4) });
            }
        }
        return out;
    }

    /** Machine {@code id} as a copy of {@code pattern}: raw rows, rollups, watermark and contact in one commit. */
    private static int copyMachine(Connection c, long pattern, long id, List<Object[]> days, List<Object[]> months,
            Instant end) throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_event (equipment_id, seq, event_time, kind, code, "
                + "text, num, unit, severity, end_time, received_at) SELECT ?, seq, event_time, kind, code, text, num, "
                + "unit, severity, end_time, received_at FROM cc_event WHERE equipment_id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, pattern);
            n = ps.executeUpdate();
        }
        copyRollup(c, "cc_rep_drink_day", "sale_day", id, days);
        copyRollup(c, "cc_rep_drink_month", "sale_month", id, months);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_rep_machine (equipment_id, last_seq, first_beat, "
                + "last_beat) SELECT ?, last_seq, first_beat, last_beat FROM cc_rep_machine WHERE equipment_id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, pattern);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_machine_contact (equipment_id, last_seq, last_seen) "
                + "SELECT ?, last_seq, ? FROM cc_machine_contact WHERE equipment_id = ?")) {
            ps.setLong(1, id);
            ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(end, ZoneOffset.UTC)));
            ps.setLong(3, pattern);
            ps.executeUpdate();
        }
        c.commit();
        return n;
    }

    private static void copyRollup(Connection c, String table, String dayColumn, long id, List<Object[]> rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + dayColumn
                + ", equipment_id, product, drinks) VALUES (?, ?, ?, ?)")) {
            for (Object[] r : rows) {
                ps.setDate(1, (java.sql.Date) r[0]);
                ps.setLong(2, id);
                ps.setString(3, (String) r[1]);
                ps.setLong(4, (Long) r[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void save(Path dir, Properties m) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("manifest.properties"))) {
            m.store(w, "reports benchmark data set (ReportsBench); delete the directory to rebuild");
        }
    }

    /** core's cc_event rows for one machine and its contact row (what the catch-up reads), in one commit. */
    private static void insertRaw(Connection c, long equipmentId, List<RawEvent> events, Instant end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_event (equipment_id, seq, event_time, kind, "
                + "code, num, received_at) VALUES (?, ?, ?, 'DRINK', ?, ?, ?)")) {
            int n = 0;
            for (RawEvent r : events) {
                Timestamp t = Timestamp.valueOf(LocalDateTime.ofInstant(r.time(), ZoneOffset.UTC));
                ps.setLong(1, equipmentId);
                ps.setLong(2, r.seq());
                ps.setTimestamp(3, t);
                ps.setString(4, r.code());
                ps.setObject(5, r.num());
                ps.setTimestamp(6, t);
                ps.addBatch();
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_machine_contact (equipment_id, last_seq, "
                + "last_seen) VALUES (?, ?, ?)")) {
            ps.setLong(1, equipmentId);
            ps.setLong(2, events.isEmpty() ? 0 : events.get(events.size() - 1).seq());
            ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(end, ZoneOffset.UTC)));
            ps.executeUpdate();
        }
        c.commit();
    }

    /** One machine's drinks over the whole period, in sequence order; played a day at a time to keep heap small. */
    private List<RawEvent> drinksOf(String serial, Instant end) {
        EventGenerator g = fleet.generator(serial, T0);
        List<RawEvent> out = new ArrayList<>();
        for (Instant t = T0; t.isBefore(end);) {
            t = t.plus(Duration.ofDays(1));
            for (MachineEvent ev : g.advanceTo(t.isAfter(end) ? end : t)) {
                if (ev instanceof MachineEvent.DrinkMade d) {
                    out.add(RawEvent.of(d));
                }
            }
        }
        return out;
    }

    private void measure(Path dir, int xlsxRows, int naiveRuns, boolean naiveSql) throws Exception {
        EmbeddedDataSource ds = dataSource(dir, false);
        ReportServiceImpl svc = new ReportServiceImpl(ds, new JdbcEventLog(ds),
                catalog, Settings.defaults(ZoneOffset.UTC),
                Clock.fixed(T0.plus(Duration.ofDays(days)), ZoneOffset.UTC), false);
        // nothing left to fold: the rollups hold every stored raw event
        svc.feed().catchUp();
        System.out.printf(Locale.ROOT, "Catch-up over the stored events folded %d further events; %d machines have raw events%n",
                svc.feed().eventsFolded(), count(ds, "cc_machine_contact"));

        LocalDate first = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        LocalDate last = first.plusDays(days - 1);
        ReportRequest year = ReportRequest.of("drinks", first, last, ReportFilter.none())
                .withGroupings(Periodicity.MONTH, false, Grouping.LOCATION, Grouping.PRODUCT, Grouping.PERIOD);
        long c0 = System.nanoTime();
        ReportResult yr = svc.run(Caller.system(), year);
        double cold = (System.nanoTime() - c0) / 1e9;
        double rollup = best(3, () -> svc.run(Caller.system(), year));
        System.out.printf(Locale.ROOT, "Drinks report, %d days, POS x product x month, from rollups: %.3f s best of 3 "
                + "(first run %.3f s); %,d rows, total %s%n", days, rollup, cold, yr.details().size(), yr.totals().get(3));

        Map<String, Long> reported = new HashMap<>();
        for (ReportRow r : yr.details()) {
            LocalDate month = LocalDate.parse(String.valueOf(r.cells().get(2)).substring(0, 7) + "-01");
            reported.merge(r.cells().get(0) + "|" + r.cells().get(1) + "|" + month.getYear() + "-" + month.getMonthValue(),
                    ((Number) r.cells().get(3)).longValue(), Long::sum);
        }
        List<Map<String, Long>> scanned = new ArrayList<>(List.of(Map.of(), Map.of()));
        double javaScan = best(naiveRuns, () -> scanned.set(0, naiveScan(ds, first, last.plusDays(1))));
        long rawRows = scanned.get(0).values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "Naive scan of the raw events, same report: %,d raw drinks read and grouped in Java: %.1f s; "
                + "same groups and counts as the report: %s%n", rawRows, javaScan,
                reported.equals(scanned.get(0)));
        double baseline = javaScan;
        if (naiveSql) {
            double sqlScan = best(naiveRuns, () -> scanned.set(1, naiveGroupBy(ds, first, last.plusDays(1))));
            System.out.printf(Locale.ROOT, "Naive scan grouped by Derby (GROUP BY): %.1f s; same groups and counts: %s%n",
                    sqlScan, reported.equals(scanned.get(1)));
            baseline = Math.min(javaScan, sqlScan);
        }
        System.out.printf(Locale.ROOT, "Ratio naive (the faster, %.1f s) / rollups (%.3f s): %.0fx%n",
                baseline, rollup, baseline / rollup);

        xlsx(svc, dir, first, xlsxRows);
        svc.deactivate();
    }

    private void xlsx(ReportServiceImpl svc, Path dir, LocalDate first, int rows) throws Exception {
        int xlsxDays = 1;
        ReportResult big;
        while (true) {
            big = svc.run(Caller.system(), ReportRequest.of("drinks", first, first.plusDays(xlsxDays - 1),
                    ReportFilter.none()).withGroupings(Periodicity.DAY, false, Grouping.EQUIPMENT, Grouping.PRODUCT,
                            Grouping.PERIOD));
            if (big.details().size() >= rows || xlsxDays >= days) {
                break;
            }
            xlsxDays = Math.min(days, Math.max(xlsxDays + 1,
                    (int) Math.ceil(xlsxDays * (double) rows / Math.max(1, big.details().size()))));
        }
        // the first export of a JVM loads POI and XMLBeans' schema types: paid once, measured apart
        long w0 = System.nanoTime();
        svc.export(svc.run(Caller.system(), ReportRequest.of("drinks", first, first, ReportFilter.none())),
                ExportFormat.XLSX, OutputStream.nullOutputStream());
        System.out.printf(Locale.ROOT, "First (cold) xlsx export of a small report: %.2f s%n", (System.nanoTime() - w0) / 1e9);
        System.gc();
        resetPeaks();
        long x0 = System.nanoTime();
        Path file = dir.resolve("big.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            svc.export(big, ExportFormat.XLSX, out);
        }
        double xlsx = (System.nanoTime() - x0) / 1e9;
        System.out.printf(Locale.ROOT, "xlsx export of %,d rows (%,d with subtotals, %d days): %.2f s, %,d bytes; "
                + "heap peak during export %d MB of max %d MB (the result itself included)%n",
                big.details().size(), big.rows().size(), xlsxDays, xlsx, Files.size(file), peakHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    interface Work {
        void run() throws Exception;
    }

    /** Best of n runs, in seconds: the first also warms caches, as a report run in production would find them. */
    static double best(int n, Work w) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            w.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private record Group(long pos, String product, int year, int month) {
    }

    /** The report the naive way: every raw drink of the period read and grouped by POS, product and month. */
    private Map<String, Long> naiveScan(EmbeddedDataSource ds, LocalDate from, LocalDate toExclusive) throws SQLException {
        Map<Group, long[]> groups = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT equipment_id, code, event_time FROM cc_event WHERE kind = 'DRINK' AND event_time >= ? AND event_time < ?")) {
            ps.setTimestamp(1, Timestamp.valueOf(from.atStartOfDay()));
            ps.setTimestamp(2, Timestamp.valueOf(toExclusive.atStartOfDay()));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime t = rs.getTimestamp(3).toLocalDateTime();
                    groups.computeIfAbsent(new Group(posOf.get(rs.getLong(1)), rs.getString(2), t.getYear(),
                            t.getMonthValue()), k -> new long[1])[0]++;
                }
            }
        }
        Map<String, Long> out = new HashMap<>();
        groups.forEach((g, n) -> out.merge(posName.get(g.pos()) + "|" + g.product() + "|" + g.year() + "-" + g.month(),
                n[0], Long::sum));
        return out;
    }

    /** The naive way with the database doing the grouping: still every raw drink read, by Derby. */
    private Map<String, Long> naiveGroupBy(EmbeddedDataSource ds, LocalDate from, LocalDate toExclusive) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT equipment_id, code, YEAR(event_time), MONTH(event_time), COUNT(*) FROM cc_event "
                        + "WHERE kind = 'DRINK' AND event_time >= ? AND event_time < ? "
                        + "GROUP BY equipment_id, code, YEAR(event_time), MONTH(event_time)")) {
            ps.setTimestamp(1, Timestamp.valueOf(from.atStartOfDay()));
            ps.setTimestamp(2, Timestamp.valueOf(toExclusive.atStartOfDay()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(posName.get(posOf.get(rs.getLong(1))) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "-"
                            + rs.getInt(4), rs.getLong(5), Long::sum);
                }
            }
        }
        return out;
    }

    static long count(EmbeddedDataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** {@code --name value} pairs; a flag without a value (e.g. {@code --reuse}) maps to "true". */
    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            o.put(name, flag ? "true" : args[++i]);
        }
        return o;
    }

    static long du(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
