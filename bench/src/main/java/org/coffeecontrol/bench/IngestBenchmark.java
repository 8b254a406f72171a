package org.coffeecontrol.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.itests.telemetry.EventDatabase;
import org.coffeecontrol.itests.telemetry.TestFleet;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.platform.UploadResult;

/**
 * Ingest benchmark on the real distribution (issue 3, "Figures to reach"):
 * <ol>
 * <li>stored events/s end to end, HTTP → driver → core → Derby, counting only what the platform acknowledged
 * (acknowledged = committed), from a bounded pool of daemon clients posting pre-encoded batches;</li>
 * <li>the resend storm: every machine comes back with one hour of backlog at once; time until all of it is stored,
 * and latency of {@code /api/health} and a catalogue GET meanwhile;</li>
 * <li>after Karaf stopped, a raw JDBC batch insert of as many events into a table of {@code cc_event}'s shape in
 * the same database, 5,000 rows a commit: the baseline.</li>
 * </ol>
 * Options: {@code --zip --work --machines --warmup --events --batch --clients --storm-clients --seed --profile}.
 */
public final class IngestBenchmark {

    private record Batch(MachineSpec machine, List<MachineEvent> events, byte[] body) {
    }

    private final Map<String, String> options;

    private IngestBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new IngestBenchmark(o).run();
        System.exit(0);
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        int machines = option("machines", 2000);
        int eventsPerMachine = option("events", 100);
        int batchSize = option("batch", 100);
        int clients = option("clients", 16);
        int stormClients = option("storm-clients", 64);
        long seed = option("seed", 777);
        Path zip = Paths.get(options.getOrDefault("zip",
                "distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip"));
        // Absolute: bin/start is run with the Karaf home as working directory.
        Path work = Paths.get(options.getOrDefault("work", "bench/target/karaf")).toAbsolutePath();

        log("starting the distribution from %s in %s (REST port %d)", zip, work, Distribution.REST_PORT);
        long t0 = System.nanoTime();
        Distribution dist = Distribution.launch(zip, work);
        log("healthy after %.0f s", secs(t0));

        t0 = System.nanoTime();
        TestFleet fleet = TestFleet.register(dist.restBase(), seed, machines, Math.max(1, machines / 10));
        log("registered %d machines in %.0f s", machines, secs(t0));

        Instant from = Instant.now().minus(Duration.ofDays(3));
        List<EventGenerator> generators = new ArrayList<>();
        fleet.machines().forEach(m -> generators.add(fleet.generator(m, from)));
        // Enough for the JIT to finish compiling the hot paths: otherwise C2 takes up to half a core in the timed part.
        List<Batch> warmup = batches(fleet, generators, option("warmup", 100), batchSize);
        List<Batch> timed = batches(fleet, generators, eventsPerMachine, batchSize);
        long events = timed.stream().mapToLong(b -> b.events().size()).sum();
        log("warm-up: %d batches", warmup.size());
        post(fleet, warmup, clients, null);

        Profiler profiler = options.containsKey("profile") ? Profiler.attach(dist.home()) : null;
        ProcessHandle karaf = Profiler.karafJvm(dist.home());
        log("timed: %d events in %d batches of %d from %d clients", events, timed.size(), batchSize, clients);
        long karafCpu0 = cpuNanos(karaf);
        t0 = System.nanoTime();
        Posted p = post(fleet, timed, clients, null);
        double ingestSeconds = secs(t0);
        double ingestCpuMicros = (cpuNanos(karaf) - karafCpu0) / 1_000.0 / p.accepted();
        if (profiler != null) {
            profiler.stop();
        }
        double ingestRate = p.accepted() / ingestSeconds;
        log("ingest: %d events acknowledged as new (%d duplicates, %d retries) in %.1f s = %,.0f events/s",
                p.accepted(), p.duplicates(), p.retries(), ingestSeconds, ingestRate);

        storm(dist, fleet, generators, stormClients);

        log("stopping Karaf for the raw baseline");
        dist.stop();
        double rawRate;
        double rawCpuMicros;
        try (EventDatabase db = EventDatabase.open(dist.home())) {
            long stored = db.seqsBySerial(fleet.machines().stream().map(MachineSpec::serial).toList()).values()
                    .stream().mapToLong(List::size).sum();
            log("the database holds %,d events of the benchmark fleet", stored);
            Map<String, Long> key = new ConcurrentHashMap<>();
            fleet.machines().forEach(m -> key.put(m.serial(), (long) key.size() + 1));
            List<RawInsert.Rows> same = timed.stream()
                    .map(b -> new RawInsert.Rows(key.get(b.machine().serial()), b.events())).toList();
            long rawCpu0 = cpuNanos(ProcessHandle.current());
            rawRate = RawInsert.rate(db.connection(), same, 5_000);
            rawCpuMicros = (cpuNanos(ProcessHandle.current()) - rawCpu0) / 1_000.0 / rows(same);
        }
        log("raw JDBC batch insert (5,000-row commits): %,.0f events/s", rawRate);
        System.out.printf(Locale.ROOT, "%nRESULT ingest %,.0f events/s end to end; raw %,.0f events/s; ratio %.0f %%%n",
                ingestRate, rawRate, 100 * ingestRate / rawRate);
        // CPU time per event hardly depends on what else runs on the machine, unlike the rates above: it is the
        // figure to compare between runs on a busy machine (the platform's includes HTTP, decoding and listeners).
        System.out.printf(Locale.ROOT, "CPU per event: platform %.1f µs (all Karaf threads), raw %.1f µs (ratio %.1f)%n",
                ingestCpuMicros, rawCpuMicros, ingestCpuMicros / rawCpuMicros);
        if (profiler != null) {
            System.out.println(profiler.report(25));
        }
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "no CPU time for process " + process.pid())).toNanos();
    }

    private static long rows(List<RawInsert.Rows> rows) {
        return rows.stream().mapToLong(r -> r.events().size()).sum();
    }

    /** Each machine's next {@code perMachine} events in batches, machines interleaved as they would call in. */
    private static List<Batch> batches(TestFleet fleet, List<EventGenerator> generators, int perMachine, int size) {
        List<List<Batch>> perDaemon = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            MachineSpec m = fleet.machines().get(i);
            List<Batch> own = new ArrayList<>();
            for (int left = perMachine; left > 0; left -= size) {
                List<MachineEvent> events = generators.get(i).next(Math.min(size, left));
                own.add(new Batch(m, events, TestFleet.encoder(m).encode(m.serial(), events)));
            }
            perDaemon.add(own);
        }
        List<Batch> out = new ArrayList<>();
        for (int round = 0; out.size() < perDaemon.stream().mapToInt(List::size).sum(); round++) {
            for (List<Batch> own : perDaemon) {
                if (round < own.size()) {
                    out.add(own.get(round));
                }
            }
        }
        return out;
    }

    private record Posted(long accepted, long duplicates, long retries) {
    }

    /** Posts every batch once acknowledged; anything else (503, timeouts) is resent, as a daemon would. */
    private static Posted post(TestFleet fleet, List<Batch> batches, int clients, AtomicBoolean finished)
            throws InterruptedException {
        ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>(batches);
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                for (Batch b; (b = queue.poll()) != null;) {
                    UploadResult r;
                    while (!((r = upload(fleet, b)) instanceof UploadResult.Stored)) {
                        retries.incrementAndGet();
                        if (retries.get() % 100 == 1) {
                            log("retrying after %s", r);
                        }
                        sleep(100);
                    }
                    accepted.addAndGet(((UploadResult.Stored) r).accepted());
                    duplicates.addAndGet(((UploadResult.Stored) r).duplicates());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        if (finished != null) {
            finished.set(true);
        }
        return new Posted(accepted.get(), duplicates.get(), retries.get());
    }

    private static UploadResult upload(TestFleet fleet, Batch b) {
        try {
            TestFleet.Answer a = fleet.postRaw(b.machine().family(), b.machine().serial(),
                    "Bearer " + fleet.secret(b.machine()), TestFleet.encoder(b.machine()).contentType(), b.body());
            if (a.status() == 200 && a.body().contains("\"STORED\"")) {
                return new UploadResult.Stored(field(a.body(), "accepted"), field(a.body(), "duplicates"), -1,
                        List.of());
            }
            return new UploadResult.Failed(a.status() + " " + a.body());
        } catch (Exception e) {
            return new UploadResult.Failed(e.toString());
        }
    }

    private static int field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Integer.parseInt(json.substring(at, end));
    }

    /** Every machine comes back after an hour offline and sends its whole backlog at once. */
    private static void storm(Distribution dist, TestFleet fleet, List<EventGenerator> generators, int clients)
            throws Exception {
        Instant now = Instant.now();
        List<Batch> backlog = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            MachineSpec m = fleet.machines().get(i);
            EventGenerator hourAgo = fleet.generator(m, now.minus(Duration.ofHours(1)));
            List<MachineEvent> all = hourAgo.advanceTo(now);
            for (int from = 0; from < all.size(); from += 500) {
                List<MachineEvent> part = all.subList(from, Math.min(all.size(), from + 500));
                backlog.add(new Batch(m, part, TestFleet.encoder(m).encode(m.serial(), part)));
            }
        }
        long events = backlog.stream().mapToLong(b -> b.events().size()).sum();
        log("resend storm: %d machines, %,d events of one hour in %d batches, %d clients at once",
                generators.size(), events, backlog.size(), clients);
        AtomicBoolean finished = new AtomicBoolean();
        List<Long> health = Collections.synchronizedList(new ArrayList<>());
        List<Long> catalogue = Collections.synchronizedList(new ArrayList<>());
        Thread prober = new Thread(() -> {
            while (!finished.get()) {
                health.add(timeGet(dist.restBase() + "/api/health", null));
                catalogue.add(timeGet(dist.restBase() + "/api/pos?limit=20", "admin:" + Distribution.ADMIN_PASSWORD));
                sleep(100);
            }
        });
        long t0 = System.nanoTime();
        prober.start();
        Posted p = post(fleet, backlog, clients, finished);
        double s = secs(t0);
        prober.join();
        log("storm: %,d events stored (%d retries) in %.1f s = %,.0f events/s", p.accepted(), p.retries(), s,
                p.accepted() / s);
        log("meanwhile GET /api/health p50 %d ms, p99 %d ms; GET /api/pos p50 %d ms, p99 %d ms (%d probes)",
                percentile(health, 50), percentile(health, 99), percentile(catalogue, 50),
                percentile(catalogue, 99), health.size());
    }

    /** @return milliseconds, or 60,000 for a failed request */
    private static long timeGet(String url, String basic) {
        long t0 = System.nanoTime();
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            if (basic != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            }
            int status = TestFleet.HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? (System.nanoTime() - t0) / 1_000_000 : 60_000;
        } catch (Exception e) {
            return 60_000;
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n", prepend(Instant.now().atZone(
                java.time.ZoneOffset.UTC), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
