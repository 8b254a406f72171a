package org.coffeecontrol.reports.internal;

import java.io.OutputStream;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;

/**
 * The reports benchmark (issue 7's figures), run by {@code bench/run-reports.sh}, never by the test suites.
 * <ol>
 * <li>A fleet's drinks for a year: {@code --patterns} machines each play a week with the simulator's generator;
 * every machine repeats one of those weeks for the whole period (generating a year of every event at 10-second
 * steps for 1,000 machines would take hours), folded into the rollups by the same writer the ingest listener uses; the first {@code --raw-days} go
 * into core's raw event table too.</li>
 * <li>The drinks report grouped by POS × product × month over the year, from the rollups, against the naive
 * way: scanning and grouping the raw events. The scan is measured over the raw days and, since it is linear in
 * rows, extrapolated to the year; the rollup report over the same raw days is measured too (like for like).</li>
 * <li>An xlsx export of a report with at least {@code --xlsx-rows} rows, with the heap used (run with a small
 * -Xmx to see it stay bounded).</li>
 * </ol>
 */
public final class ReportsBench {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int machines = Integer.parseInt(o.getOrDefault("machines", "1000"));
        int days = Integer.parseInt(o.getOrDefault("days", "365"));
        int rawDays = Integer.parseInt(o.getOrDefault("raw-days", "14"));
        int xlsxRows = Integer.parseInt(o.getOrDefault("xlsx-rows", "100000"));
        Path dir = Path.of(o.getOrDefault("dir", "target/bench-reports"));
        deleteTree(dir);
        Files.createDirectories(dir);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("derby").toString());
        ds.setCreateDatabase("create");
        Store store = new Store(ds);
        Catalog catalog = new Catalog();
        FleetModel fleet = FleetModel.generate(new FleetSpec(42, machines, Math.max(1, machines * 2 / 5), 3));
        long client = catalog.addClient("Bench");
        Map<String, Long> pos = new HashMap<>();
        Map<Long, MachineSpec> ids = new HashMap<>();
        for (MachineSpec m : fleet.machines()) {
            long p = pos.computeIfAbsent(m.posCode(), c -> catalog.addPos(fleet.pos(c).name(), client, null,
                    fleet.pos(c).openingHours(), fleet.pos(c).cleaningTimes()));
            ids.put(catalog.addMachine(m.serial(), p), m);
        }
        ReportServiceImpl svc = new ReportServiceImpl(ds, catalog, Settings.defaults(ZoneOffset.UTC),
                Clock.fixed(T0.plus(Duration.ofDays(days)), ZoneOffset.UTC), false);
        RollupWriter writer = new RollupWriter(ds, ZoneOffset.UTC, Duration.ofMinutes(5));
        System.out.printf(Locale.ROOT, "Fleet: %d machines at %d points of sale, %d days (%d of them also raw)%n",
                machines, pos.size(), days, rawDays);
        if (rawDays > days) {
            throw new IllegalArgumentException("--raw-days must not exceed --days");
        }

        // Each of --patterns machines plays a week with the generator; machine i repeats pattern i % patterns.
        int patterns = Math.min(machines, Integer.parseInt(o.getOrDefault("patterns", "100")));
        List<Long> order = new ArrayList<>(ids.keySet());
        order.sort(Long::compare);
        long g0 = System.nanoTime();
        List<List<MachineEvent.DrinkMade>> weeks = new ArrayList<>();
        for (int i = 0; i < patterns; i++) {
            List<MachineEvent.DrinkMade> week = new ArrayList<>();
            for (MachineEvent ev : fleet.generator(ids.get(order.get(i)).serial(), T0).advanceTo(T0.plus(Duration.ofDays(7)))) {
                if (ev instanceof MachineEvent.DrinkMade d) {
                    week.add(d);
                }
            }
            weeks.add(week);
        }
        long genNanos = System.nanoTime() - g0;
        long foldNanos = 0;
        long rawNanos = 0;
        long drinks = 0;
        long rawDrinks = 0;
        Instant end = T0.plus(Duration.ofDays(days));
        Instant rawEnd = T0.plus(Duration.ofDays(rawDays));
        // one fold per week and group of machines, as the listener folds many machines' batches at once
        int group = Integer.parseInt(o.getOrDefault("fold-machines", "100"));
        for (int w = 0; w * 7 < days; w++) {
            Duration shift = Duration.ofDays(7L * w);
            for (int from = 0; from < order.size(); from += group) {
                Map<Long, List<RawEvent>> fold = new HashMap<>();
                for (int i = from; i < Math.min(order.size(), from + group); i++) {
                    long seq = (long) w * 100_000_000L;
                    List<RawEvent> chunk = new ArrayList<>();
                    for (MachineEvent.DrinkMade d : weeks.get(i % patterns)) {
                        Instant t = d.time().plus(shift);
                        if (t.isBefore(end)) {
                            chunk.add(new RawEvent(++seq, t, "DRINK", d.product(), null,
                                    d.sizeMl() == null ? null : d.sizeMl().doubleValue(), null, null, null));
                        }
                    }
                    fold.put(order.get(i), chunk);
                    drinks += chunk.size();
                    List<RawEvent> raw = chunk.stream().filter(r -> r.time().isBefore(rawEnd)).toList();
                    if (!raw.isEmpty()) {
                        long r0 = System.nanoTime();
                        insertRaw(ds, order.get(i), raw);
                        rawNanos += System.nanoTime() - r0;
                        rawDrinks += raw.size();
                    }
                }
                long f0 = System.nanoTime();
                writer.apply(fold);
                foldNanos += System.nanoTime() - f0;
            }
            if (w % 10 == 9) {
                System.out.printf(Locale.ROOT, "  week %d loaded, %,d drinks so far%n", w + 1, drinks);
            }
        }
        System.out.printf(Locale.ROOT, "Loaded %,d drinks (%,d raw): generator %.1f s, rollup writer %.1f s (%,.0f drinks/s), raw insert %.1f s%n",
                drinks, rawDrinks, genNanos / 1e9, foldNanos / 1e9, drinks / (foldNanos / 1e9), rawNanos / 1e9);
        System.out.printf(Locale.ROOT, "Rollup rows: %,d day, %,d month%n", count(ds, "cc_rep_drink_day"),
                count(ds, "cc_rep_drink_month"));

        LocalDate first = LocalDate.ofInstant(T0, ZoneOffset.UTC);
        ReportRequest year = ReportRequest.of("drinks", first, first.plusDays(days - 1), ReportFilter.none())
                .withGroupings(Periodicity.MONTH, false, Grouping.LOCATION, Grouping.PRODUCT, Grouping.PERIOD);
        double rollupYear = best(3, () -> svc.run(Caller.system(), year));
        ReportResult yr = svc.run(Caller.system(), year);
        System.out.printf(Locale.ROOT, "Drinks report, %d days, POS x product x month, from rollups: %.3f s (%d rows, total %s)%n",
                days, rollupYear, yr.details().size(), yr.totals().get(3));

        ReportRequest rawPeriod = ReportRequest.of("drinks", first, first.plusDays(rawDays - 1), ReportFilter.none())
                .withGroupings(Periodicity.MONTH, false, Grouping.LOCATION, Grouping.PRODUCT, Grouping.PERIOD);
        double rollupRaw = best(3, () -> svc.run(Caller.system(), rawPeriod));
        long[] scanned = new long[1];
        double naive = best(2, () -> scanned[0] = naiveScan(ds, catalog, first, first.plusDays(rawDays)));
        double naiveYear = naive * drinks / Math.max(1, rawDrinks);
        System.out.printf(Locale.ROOT, "Same report over the %d raw days: rollups %.3f s, naive scan of %,d raw drinks %.3f s (ratio %.0fx)%n",
                rawDays, rollupRaw, scanned[0], naive, naive / rollupRaw);
        System.out.printf(Locale.ROOT, "Naive scan extrapolated to %,d drinks: %.1f s; ratio to the rollup report: %.0fx%n",
                drinks, naiveYear, naiveYear / rollupYear);
        System.out.printf(Locale.ROOT, "Extrapolated to 70,000,000 drinks: naive %.1f s; ratio %.0fx (rollup time does not grow with drinks)%n",
                naive * 70_000_000.0 / Math.max(1, rawDrinks), naive * 70_000_000.0 / Math.max(1, rawDrinks) / rollupYear);

        int perDay = Math.max(1, machines) * 11;
        int xlsxDays = Math.max(1, (int) Math.ceil(xlsxRows * 1.1 / perDay));
        ReportResult big = svc.run(Caller.system(), ReportRequest.of("drinks", first, first.plusDays(xlsxDays - 1),
                ReportFilter.none()).withGroupings(Periodicity.DAY, false, Grouping.EQUIPMENT, Grouping.PRODUCT, Grouping.PERIOD));
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
        System.out.printf(Locale.ROOT, "xlsx export of %,d rows (%,d with subtotals): %.2f s, %,d bytes; heap peak during export %d MB of max %d MB%n",
                big.details().size(), big.rows().size(), xlsx, Files.size(file), peakHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        svc.deactivate();
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

    /** The report the naive way: every raw drink of the period read and grouped by POS, product and month. */
    static long naiveScan(EmbeddedDataSource ds, Catalog catalog, LocalDate from, LocalDate toExclusive) throws SQLException {
        Map<Long, Long> posOf = new HashMap<>();
        Scope.all(p -> catalog.equipment(Caller.system(), org.coffeecontrol.api.catalog.CatalogQuery.all().withPage(p)))
                .forEach(e -> posOf.put(e.id(), e.posId()));
        Map<String, long[]> groups = new HashMap<>();
        long rows = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT equipment_id, code, event_time FROM cc_event WHERE kind = 'DRINK' AND event_time >= ? AND event_time < ?")) {
            ps.setTimestamp(1, Timestamp.valueOf(from.atStartOfDay()));
            ps.setTimestamp(2, Timestamp.valueOf(toExclusive.atStartOfDay()));
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime t = rs.getTimestamp(3).toLocalDateTime();
                    String key = posOf.get(rs.getLong(1)) + "|" + rs.getString(2) + "|" + t.getYear() + "-" + t.getMonthValue();
                    groups.computeIfAbsent(key, k -> new long[1])[0]++;
                    rows++;
                }
            }
        }
        return rows;
    }

    static void insertRaw(EmbeddedDataSource ds, long equipmentId, List<RawEvent> events) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cc_event (equipment_id, seq, event_time, kind, "
                    + "code, num, received_at) VALUES (?, ?, ?, 'DRINK', ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (RawEvent r : events) {
                    ps.setLong(1, equipmentId);
                    ps.setLong(2, r.seq());
                    ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(r.time(), ZoneOffset.UTC)));
                    ps.setString(4, r.code());
                    ps.setObject(5, r.num());
                    ps.setTimestamp(6, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
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

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
