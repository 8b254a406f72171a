package org.coffeecontrol.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.Rest;
import org.coffeecontrol.itests.ui.Browser;
import org.coffeecontrol.simulator.SimMachine;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.HttpTelemetryTransport;
import org.coffeecontrol.simulator.platform.PlatformClient;
import org.coffeecontrol.simulator.platform.PlatformSeeder;
import org.coffeecontrol.simulator.wire.WireEncoders;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 4's figures on this machine, simulator and platform together (the platform started with the heap the
 * script gives it, 512 MB):
 * <ol>
 * <li>a fleet of {@code --machines} (10,000) machines at as many points of sale, seeded over REST and played live
 * by the simulator, each calling home every {@code --upload-interval} seconds; time until the platform sees it
 * online, and machines wrongly reported not online meanwhile;</li>
 * <li>{@code --inject} machines raise a critical error ({@code injectError}, as {@code sim-error raise} does):
 * time until every one is an open problem, and until every one is closed after the clear; the bound is one poll
 * interval (upload interval + debounce + sweep);</li>
 * <li>{@code --offline} machines at open points of sale stop calling: time until each is NOT_ONLINE, bound
 * offline interval + upload interval + sweep; then back: time until the problems close;</li>
 * <li>the overview in headless Chromium: first paint with every marker (from navigation start), against the
 * home page's first render in the same browser (the baseline);</li>
 * <li>the platform JVM's heap (after a full GC) and its configured maximum.</li>
 * </ol>
 */
public final class MonitoringBenchmark {

    private static final int DEBOUNCE_SECONDS = 30;
    private static final int SWEEP_SECONDS = 15;
    private static final int OFFLINE_SECONDS = 180;

    private final Map<String, String> options;
    private Rest admin;

    private MonitoringBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int status = 0;
        try {
            new MonitoringBenchmark(o).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        // Pool threads would keep the JVM alive; exiting runs the launcher's hook that stops Karaf.
        System.exit(status);
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] " + format + "%n", prepend(Instant.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private void run() throws Exception {
        int machines = option("machines", 10_000);
        int pos = option("pos", machines);
        int uploadInterval = option("upload-interval", 60);
        int inject = option("inject", 100);
        int offline = option("offline", 100);
        long seed = option("seed", 909);
        Path zip = Paths.get(options.getOrDefault("zip", "distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip"));
        Path work = Paths.get(options.getOrDefault("work", "bench/target/karaf-monitoring")).toAbsolutePath();

        log("starting the distribution (REST port %d, UI port %d, heap %s)", Distribution.REST_PORT,
                Distribution.UI_PORT, System.getProperty("it.maxMem", "768M"));
        Distribution dist = Distribution.launch(zip, work);
        admin = Rest.as(dist.restBase(), "admin", Distribution.ADMIN_PASSWORD);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();

        FleetModel fleet = FleetModel.generate(new FleetSpec(seed, machines, pos, 5));
        awaitResources();
        seedOrRestore(dist, http, fleet, options.get("data-cache"));

        Simulator sim = new Simulator(fleet, Simulator.Settings.live(Instant.now().minus(Duration.ofMinutes(2)))
                .withUploadInterval(Duration.ofSeconds(uploadInterval)).withThreads(4), WireEncoders::forFamily,
                new HttpTelemetryTransport(URI.create(dist.restBase()), http, Duration.ofSeconds(60)),
                Clock.systemUTC());
        Instant simStart = Instant.now();
        sim.start();

        // 1. The whole fleet online. The fleet's start-up time is the simulator's (10,000 first uploads with their
        // history, on the same two cores); the platform's part is, per machine, from its first batch acknowledged
        // as stored to the platform reporting it online (observed by polling every 2 s).
        Map<String, Instant> seenOnline = new HashMap<>();
        Duration toOnline = waitUntil(Duration.ofMinutes(10), () -> {
            Instant at = Instant.now();
            for (JsonNode m : admin.get("/api/monitoring/machines").expect(200).json()) {
                if (m.path("online").asBoolean()) {
                    seenOnline.putIfAbsent(m.path("serialNumber").asText(), at);
                }
            }
            return seenOnline.size() >= machines * 0.99;
        });
        log("99 %% of %d machines online after %d s (upload interval %d s)", machines, toOnline.toSeconds(),
                uploadInterval);
        List<Duration> ackToOnline = new ArrayList<>();
        int acknowledged = 0;
        for (SimMachine m : sim.machines()) {
            Instant stored = m.outbox().firstStored();
            Instant online = seenOnline.get(m.serial());
            if (stored != null) {
                acknowledged++;
                if (online != null) {
                    ackToOnline.add(online.isAfter(stored) ? Duration.between(stored, online) : Duration.ZERO);
                }
            }
        }
        long late = ackToOnline.stream().filter(d -> d.toSeconds() > uploadInterval).count();
        log("RESULT online: %d of %d machines with a stored batch seen online; first batch stored -> online p50 %d s, "
                + "p99 %d s, max %d s; %d later than one upload interval (%d s) (poll granularity 2 s)",
                ackToOnline.size(), acknowledged, percentile(ackToOnline, 50), percentile(ackToOnline, 99),
                percentile(ackToOnline, 100), late, uploadInterval);
        int falseAlarms = falseNotOnline(sim);
        log("machines reported not online while the simulator has them reachable and calling: %d", falseAlarms);

        // --detection off: straight to the first paint under the live fleet (developing the overview, not a result).
        if (!"off".equals(options.get("detection"))) {
            detection(sim, machines, inject, offline, uploadInterval);
        }

        // 4. The overview's first paint with every marker, against the home page in the same browser.
        firstPaint(dist, fleet.pointsOfSale().size());

        // 5. Heap.
        heap(work);
        log("simulator: %s, pending %d events, running %d s", sim.stats(), sim.pendingEvents(),
                Duration.between(simStart, Instant.now()).toSeconds());
        sim.close();
        dist.stop();
    }

    private void detection(Simulator sim, int machines, int inject, int offline, int uploadInterval)
            throws Exception {
        // 2. Critical errors injected into machines, then cleared.
        List<SimMachine> injected = sim.machines().subList(0, Math.min(inject, machines));
        Map<String, String> codes = new HashMap<>();
        for (SimMachine m : injected) {
            String code = criticalCode(m.spec().family());
            codes.put(m.serial(), code);
            synchronized (m) {
                m.generator().injectError(code);
            }
        }
        Map<String, Duration> seen = latencies("CRITICAL_ERROR", codes, Duration.ofMinutes(5));
        int problemBound = uploadInterval + DEBOUNCE_SECONDS + SWEEP_SECONDS;
        log("RESULT problems: %d of %d injected errors open as problems; latency p50 %d s, max %d s (bound %d s)",
                seen.size(), injected.size(), percentile(seen.values(), 50), percentile(seen.values(), 100),
                problemBound);
        for (SimMachine m : injected) {
            synchronized (m) {
                m.generator().clearInjectedError(codes.get(m.serial()));
            }
        }
        Duration toClosed = waitUntil(Duration.ofMinutes(5), () -> openProblems("CRITICAL_ERROR", codes).isEmpty());
        log("RESULT cleared: every injected problem closed after %d s (bound %d s)", toClosed.toSeconds(),
                uploadInterval + SWEEP_SECONDS);

        // 3. Machines at open points of sale (by the shop's own clock) stop calling home.
        List<SimMachine> silent = new ArrayList<>();
        for (SimMachine m : sim.machines().subList(injected.size(), machines)) {
            LocalDateTime local = LocalDateTime.now(m.pos().region().zone());
            if (silent.size() < offline && m.pos().hours().isOpen(local) && m.pos().hours().isOpen(local.plusMinutes(15))) {
                silent.add(m);
            }
        }
        Map<String, String> silentSerials = new HashMap<>();
        silent.forEach(m -> silentSerials.put(m.serial(), null));
        silent.forEach(m -> m.offline(Instant.now().plus(Duration.ofDays(1))));
        Map<String, Duration> down = latencies("NOT_ONLINE", silentSerials, Duration.ofMinutes(8));
        int offlineBound = OFFLINE_SECONDS + uploadInterval + SWEEP_SECONDS;
        log("RESULT not online: %d of %d silenced machines NOT_ONLINE; latency p50 %d s, max %d s (bound %d s)",
                down.size(), silent.size(), percentile(down.values(), 50), percentile(down.values(), 100),
                offlineBound);
        silent.forEach(m -> m.offline(Instant.now()));
        // A machine whose simulated link happens to be down (the generator's own outages) rightly stays not online.
        Map<String, SimMachine> bySerial = new HashMap<>();
        silent.forEach(m -> bySerial.put(m.serial(), m));
        java.util.function.Supplier<Set<String>> wronglyOpen = () -> {
            Set<String> open = new HashSet<>(openProblems("NOT_ONLINE", silentSerials));
            open.removeIf(s -> !linkUp(bySerial.get(s)));
            return open;
        };
        Duration backOnline = waitUntil(Duration.ofMinutes(5), () -> wronglyOpen.get().isEmpty());
        Set<String> stillOpen = openProblems("NOT_ONLINE", silentSerials);
        Set<String> wrong = wronglyOpen.get();
        log("RESULT back online: %d of %d silenced machines' problems closed within %d s of calling again (bound %d s);"
                + " still open: %d with the simulated link down, %d wrongly %s", silent.size() - stillOpen.size(),
                silent.size(), backOnline.toSeconds(), uploadInterval + SWEEP_SECONDS, stillOpen.size() - wrong.size(),
                wrong.size(), wrong);
    }

    /**
     * Seeds the catalogue over REST in parallel, or, when {@code cacheDir} holds the database of an earlier run with
     * the same fleet, puts that database in place (a restart) instead: the measured figures do not depend on how
     * the catalogue got there, and seeding 10,000 points of sale costs minutes.
     */
    private void seedOrRestore(Distribution dist, HttpClient http, FleetModel fleet, String cacheDir)
            throws Exception {
        FleetSpec spec = fleet.spec();
        Path cached = cacheDir == null ? null : Paths.get(cacheDir).resolve("derby-" + spec.machines() + "-"
                + spec.pointsOfSale() + "-" + spec.seed());
        Path derby = dist.home().resolve("data/derby");
        Instant t = Instant.now();
        boolean restored = cached != null && Files.isDirectory(cached);
        if (restored) {
            dist.stop();
            copyTree(cached, derby);
            dist.start();
            awaitResources();
            log("catalogue restored from %s in %d s", cached, Duration.between(t, Instant.now()).toSeconds());
            t = Instant.now();
        }
        // A cache written after a complete seeding needs no look-up (one search per row: minutes at 10,000 POS).
        Path complete = cached == null ? null : cached.resolveSibling(cached.getFileName() + ".complete");
        if (restored && Files.exists(complete)) {
            log("RESULT seeding: skipped, the cache holds the whole fleet (%s)", complete);
            return;
        }
        // Idempotent: after a restore it only looks the fleet up (and completes a cache of an interrupted seeding).
        int parallelism = option("seed-threads", 8);
        PlatformSeeder seeder = new PlatformSeeder(new PlatformClient(URI.create(dist.restBase()), http, "admin",
                Distribution.ADMIN_PASSWORD), "127.0.0.1", 22).parallelism(parallelism);
        boolean byImport = "import".equals(options.getOrDefault("seed-by", "rest"));
        int created;
        String how;
        boolean whole;
        if (byImport) {
            // The import answers only once every row is in (or fails whole), so the fleet is complete after it.
            created = seeder.importFleet(fleet, 500);
            how = "by the fleet import (500 rows a request): " + created + " objects created";
            whole = true;
        } else {
            var report = seeder.seed(fleet);
            created = report.created();
            how = "over REST with " + parallelism + " threads (" + report + ")";
            whole = report.created() + report.existing() >= spec.machines() + fleet.pointsOfSale().size();
        }
        long seconds = Math.max(1, Duration.between(t, Instant.now()).toSeconds());
        log("RESULT seeding: %d machines at %d points of sale %s in %d s, %.1f POS+machine per s", spec.machines(),
                fleet.pointsOfSale().size(), how, seconds, (double) spec.machines() / seconds);
        if (cached != null && (!restored || created > 0)) {
            dist.stop();
            copyTree(derby, cached);
            dist.start();
            awaitResources();
            log("catalogue cached in %s", cached);
        }
        if (cached != null && whole) {
            Files.writeString(complete, how + "\n");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (var files = Files.walk(to)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private void awaitResources() throws InterruptedException {
        Duration d = waitUntil(Duration.ofMinutes(3), () -> admin.get("/api/regions?limit=1").status() == 200
                && admin.get("/api/monitoring/overview").status() == 200
                && admin.get("/api/telemetry/drivers").status() == 200);
        log("REST resources up after %d s", d.toSeconds());
    }

    private long onlineCount() {
        long n = 0;
        for (JsonNode p : admin.get("/api/monitoring/overview").expect(200).json()) {
            n += p.path("online").asLong();
        }
        return n;
    }

    /** Serials the platform reports not online although the simulator has them reachable with a working link. */
    private int falseNotOnline(Simulator sim) {
        Set<String> notOnline = new HashSet<>();
        for (JsonNode m : admin.get("/api/monitoring/machines").expect(200).json()) {
            if (!m.path("online").asBoolean()) {
                notOnline.add(m.path("serialNumber").asText());
            }
        }
        int wrong = 0;
        Instant now = Instant.now();
        for (SimMachine m : sim.machines()) {
            boolean linkUp;
            synchronized (m) {
                // Up for the whole offline interval: a machine that was down minutes ago may rightly be not online.
                linkUp = m.generator().linkUp(m.generator().cursor())
                        && m.generator().linkUp(m.generator().cursor().minusSeconds(OFFLINE_SECONDS));
            }
            if (linkUp && m.reachable(now) && m.outbox().size() < 2000 && notOnline.contains(m.serial())) {
                wrong++;
            }
        }
        return wrong;
    }

    private static boolean linkUp(SimMachine m) {
        synchronized (m) {
            return m.generator().linkUp(m.generator().cursor());
        }
    }

    /** For each of {@code wanted}, how long from now until it had an open problem of this kind. */
    private Map<String, Duration> latencies(String kind, Map<String, String> wanted, Duration timeout)
            throws InterruptedException {
        Instant start = Instant.now();
        Map<String, Duration> seen = new HashMap<>();
        waitUntil(timeout, () -> {
            openProblems(kind, wanted).forEach(s -> seen.putIfAbsent(s, Duration.between(start, Instant.now())));
            return seen.size() == wanted.size();
        });
        return seen;
    }

    /** Serials (of {@code wanted}; with a code, that code) that have an open problem of this kind. */
    private Set<String> openProblems(String kind, Map<String, String> wanted) {
        Set<String> out = new HashSet<>();
        for (int offset = 0;; offset += 1000) {
            JsonNode page = admin.get("/api/monitoring/problems?open=true&offset=" + offset + "&limit=1000")
                    .expect(200).json();
            for (JsonNode p : page.path("items")) {
                String serial = p.path("serialNumber").asText();
                if (kind.equals(p.path("kind").asText()) && wanted.containsKey(serial)) {
                    String code = wanted.get(serial);
                    if (code == null || code.equals(p.path("code").asText())) {
                        out.add(serial);
                    }
                }
            }
            if (offset + 1000 >= page.path("total").asLong()) {
                return out;
            }
        }
    }

    /**
     * Where the overview's first paint went, from navigation start (ms): the page's own milestones, every resource
     * (end time, bytes on the wire / decoded; "cache" when the browser took it from its cache) and the map's marks.
     */
    private static final String TIMELINE = String.join("\n",
            "var r = [], n = performance.getEntriesByType('navigation')[0];",
            "if (n) { r.push('html ' + Math.round(n.responseStart) + '-' + Math.round(n.responseEnd)",
            "  + ' domInteractive ' + Math.round(n.domInteractive) + ' dcl ' + Math.round(n.domContentLoadedEventEnd)",
            "  + ' load ' + Math.round(n.loadEventEnd)); }",
            "performance.getEntriesByType('resource').forEach(function (e) {",
            "  var name = e.name.replace(/^https?:\\/\\/[^\\/]+/, '');",
            "  if (name.length > 60) { name = name.substring(0, 28) + '..' + name.substring(name.length - 30); }",
            "  r.push(name + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd) + ' '",
            "    + (e.transferSize === 0 && e.decodedBodySize > 0 ? 'cache' : Math.round(e.transferSize / 1024) + 'k')",
            "    + '/' + Math.round(e.decodedBodySize / 1024) + 'k');",
            "});",
            "performance.getEntriesByType('mark').forEach(function (e) { r.push(e.name + ' ' + Math.round(e.startTime)); });",
            "return r.join('; ');");

    private void firstPaint(Distribution dist, int markers) throws IOException {
        if (!Browser.available()) {
            log("no chromium: first paint not measured");
            return;
        }
        List<Long> overview = new ArrayList<>();
        List<Long> home = new ArrayList<>();
        List<Long> render = new ArrayList<>();
        try (Browser browser = Browser.start(dist.uiBase())) {
            browser.open("/login");
            browser.login("admin", Distribution.ADMIN_PASSWORD);
            for (int i = 0; i < 3; i++) {
                browser.open("/");
                browser.waitVisible("kpi-online");
                home.add(((Number) browser.script("return Math.round(performance.now());")).longValue());
                log("home run %d timeline: %s", i + 1, browser.script(TIMELINE));
                browser.open("/monitoring");
                browser.until(d -> String.valueOf(markers).equals(browser.script(
                        "var e = document.getElementById('overview-map'); return e && e.getAttribute('data-markers');")),
                        markers + " markers");
                overview.add(Long.parseLong(String.valueOf(browser.script(
                        "return document.getElementById('overview-map').getAttribute('data-first-paint-ms');"))));
                render.add(Long.parseLong(String.valueOf(browser.script(
                        "return document.getElementById('overview-map').getAttribute('data-render-ms');"))));
                log("overview run %d timeline: %s", i + 1, browser.script(TIMELINE));
            }
        }
        long o = percentileMillis(overview);
        long h = percentileMillis(home);
        log("RESULT first paint: overview with %d markers %d ms (runs %s; drawing the markers alone %d ms, runs %s);"
                + " home page %d ms (runs %s); ratio %.2f", markers, o, overview, percentileMillis(render), render, h,
                home, (double) o / h);
    }

    private void heap(Path work) throws IOException, InterruptedException {
        String home = work.toString();
        ProcessHandle karaf = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(home) && c.contains("java")).orElse(false))
                .findFirst().orElse(null);
        if (karaf == null) {
            log("Karaf process not found: heap not measured");
            return;
        }
        String before = jcmd(karaf.pid(), "GC.heap_info");
        jcmd(karaf.pid(), "GC.run");
        String after = jcmd(karaf.pid(), "GC.heap_info");
        String flags = jcmd(karaf.pid(), "VM.flags");
        String max = flags.replaceAll("(?s).*MaxHeapSize=(\\d+).*", "$1");
        log("RESULT heap: MaxHeapSize %s MB; before full GC: %s; after: %s", Long.parseLong(max.trim()) >> 20,
                firstLine(before), firstLine(after));
    }

    private static String firstLine(String heapInfo) {
        return heapInfo.lines().filter(l -> l.contains("total") && l.contains("used")).findFirst().orElse(heapInfo)
                .trim();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static String criticalCode(String family) {
        return switch (family) {
            case "wmf" -> "E-61";
            case "thermoplan" -> "12";
            default -> "E01";
        };
    }

    private static long percentile(java.util.Collection<Duration> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> s = new ArrayList<>(values.stream().map(Duration::toSeconds).toList());
        Collections.sort(s);
        return s.get(Math.max(0, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    private static long percentileMillis(List<Long> runs) {
        List<Long> s = new ArrayList<>(runs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static Duration waitUntil(Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).compareTo(timeout) > 0) {
                log("gave up after %s", timeout);
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(2000);
        }
        return Duration.between(start, Instant.now());
    }
}
