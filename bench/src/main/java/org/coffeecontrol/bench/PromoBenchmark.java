package org.coffeecontrol.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.simulator.SimMachine;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FamilyProfile;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.PlatformClient;
import org.coffeecontrol.simulator.platform.PlatformSeeder;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.coffeecontrol.simulator.ssh.MachineShell;
import org.coffeecontrol.simulator.ssh.MachineSshServer;
import org.coffeecontrol.simulator.wire.WireEncoders;

/**
 * RC-6 figure: a promo image pushed by the real distribution ({@code POST /api/remote/promo/campaigns}) to
 * {@code --machines} simulated machines that can show promos, {@code --faulty} % of them broken (half dead: the
 * connection drops at login; half hung: login works, SFTP never answers). Checks that every healthy machine holds
 * the image (SHA-256 of the file the simulator's SFTP server wrote) and that every broken one failed with a reason
 * within connect timeout + transfer timeout. Baseline, measured in the same run: the same image pushed one machine
 * after the other (login, SFTP write, logout) to a sample of healthy machines, extrapolated to the whole fleet.
 */
public final class PromoBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The baseline's own logins: generous, a loaded machine must not fail the baseline itself. */
    private static final Duration SSH_WAIT = Duration.ofSeconds(60);

    private final Map<String, String> options;

    private PromoBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int code;
        try {
            code = new PromoBenchmark(o).run();
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        // exits even with the simulator's threads still running; the distribution stops in its shutdown hook
        System.exit(code);
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private int run() throws Exception {
        int wanted = option("machines", 1000);
        double faultyPercent = Double.parseDouble(options.getOrDefault("faulty", "5"));
        int imageKb = option("image-kb", 200);
        int sampleSize = option("sample", 40);
        int sshPort = option("ssh-port", 13222);
        int parallel = option("parallel", 32);
        long seed = option("seed", 4242);
        Path zip = Paths.get(options.getOrDefault("zip", "distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip"));
        Path work = Paths.get(options.getOrDefault("work", "bench/target/promo")).toAbsolutePath();

        // A fleet large enough that `wanted` of its machines are of families that show promos.
        FleetModel fleet = null;
        List<MachineSpec> promo = List.of();
        for (int n = wanted; promo.size() < wanted; n += Math.max(10, (wanted - promo.size()) * 3 / 2)) {
            fleet = FleetModel.generate(new FleetSpec(seed, n, Math.max(1, n / 5), 5));
            promo = fleet.machines().stream().filter(m -> FamilyProfile.of(m.family()).orElseThrow().supportsPromo())
                    .toList();
        }
        System.out.printf(Locale.ROOT, "fleet: %d machines, %d of families that show promos%n",
                fleet.machines().size(), promo.size());

        System.out.println("starting the distribution in " + work);
        Distribution dist = Distribution.launch(zip, work);
        String base = dist.restBase();
        // Transfers in flight: the platform's defaults are 16 (a small server); a 1,000-machine push gets more.
        Files.writeString(dist.home().resolve("etc/org.coffeecontrol.remote.cfg"),
                "maxSessions = " + parallel + "\npromoParallel = " + parallel + "\nmaxQueued = 2048\n");

        Simulator sim = new Simulator(fleet, Simulator.Settings.live(Instant.now()).withThreads(1),
                WireEncoders::forFamily, (f, s, k, c, b) -> new UploadResult.Stored(0, 0, -1, List.of()),
                Clock.systemUTC());
        Path machinesRoot = work.resolve("simulator/machines");
        MachineShell shell = new MachineShell(sim, machinesRoot, Clock.systemUTC());
        MachineSshServer ssh = new MachineSshServer(shell, "127.0.0.1", sshPort, work.resolve("simulator/hostkey.ser"));
        ssh.start();

        long t = System.nanoTime();
        PlatformClient admin = new PlatformClient(URI.create(base), HTTP, "admin", Distribution.ADMIN_PASSWORD);
        System.out.println("seeded: " + new PlatformSeeder(admin, "127.0.0.1", sshPort).seed(fleet) + " in "
                + seconds(t));
        t = System.nanoTime();
        storeLogins(base, fleet, seed);
        System.out.println("SSH logins stored in " + seconds(t));

        // Break faultyPercent % of the promo machines, half dead, half hung (fixed by the seed).
        List<MachineSpec> shuffled = new ArrayList<>(promo);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        int brokenCount = (int) Math.round(promo.size() * faultyPercent / 100);
        Map<String, SimMachine.Fault> broken = new HashMap<>();
        for (int i = 0; i < brokenCount; i++) {
            SimMachine m = sim.machine(shuffled.get(i).serial()).orElseThrow();
            m.fault(i % 2 == 0 ? SimMachine.Fault.DEAD : SimMachine.Fault.HUNG);
            broken.put(m.serial(), m.fault());
        }

        byte[] image = noisePng(imageKb * 1024);
        String sha = sha256(image);
        System.out.printf(Locale.ROOT, "image: %d bytes PNG, sha256 %s; broken: %d (%d dead, %d hung)%n", image.length,
                sha, brokenCount, broken.values().stream().filter(f -> f == SimMachine.Fault.DEAD).count(),
                broken.values().stream().filter(f -> f == SimMachine.Fault.HUNG).count());

        // Baseline: one machine after the other, from here, on a sample of healthy machines.
        List<MachineSpec> sample = shuffled.subList(brokenCount, Math.min(shuffled.size(), brokenCount + sampleSize));
        t = System.nanoTime();
        sequential(sample, image, sshPort, seed);
        double perMachine = (System.nanoTime() - t) / 1e9 / sample.size();
        System.out.printf(Locale.ROOT, "baseline: sequential push to %d machines, %.1f ms per machine -> %.1f s for %d%n",
                sample.size(), perMachine * 1000, perMachine * promo.size(), promo.size());

        // The measured run: one campaign to every client, through the platform.
        List<Long> clients = new ArrayList<>();
        for (JsonNode c : get(base, "/api/clients?limit=100").path("items")) {
            clients.add(c.path("id").asLong());
        }
        String query = "fileName=bench.png" + clients.stream().map(id -> "&clientId=" + id).collect(Collectors.joining());
        long start = System.nanoTime();
        HttpResponse<String> created = HTTP.send(request(base, "/api/remote/promo/campaigns?" + query)
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(image)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("campaign refused: " + created.statusCode() + " " + created.body());
        }
        long id = JSON.readTree(created.body()).path("id").asLong();
        JsonNode c;
        do {
            Thread.sleep(250);
            c = get(base, "/api/remote/promo/campaigns/" + id);
        } while (c.path("running").asBoolean() && System.nanoTime() - start < Duration.ofMinutes(10).toNanos());
        double elapsed = (System.nanoTime() - start) / 1e9;

        // Verification: checksums on the simulator side, reasons and durations of the failures.
        int sentOk = 0;
        int wrong = 0;
        long slowestFailure = 0;
        Map<String, Integer> reasons = new HashMap<>();
        for (JsonNode d : get(base, "/api/remote/promo/campaigns/" + id + "/deliveries")) {
            String serial = d.path("serial").asText();
            String state = d.path("state").asText();
            boolean isBroken = broken.containsKey(serial);
            if (state.equals("SENT") && !isBroken) {
                Path f = machinesRoot.resolve(serial).resolve("promo/bench.png");
                if (Files.exists(f) && sha256(Files.readAllBytes(f)).equals(sha)) {
                    sentOk++;
                } else {
                    wrong++;
                    System.out.println("  checksum mismatch or missing file on " + serial);
                }
            } else if (state.equals("FAILED") && isBroken && !d.path("message").asText().isBlank()) {
                slowestFailure = Math.max(slowestFailure, d.path("durationMillis").asLong());
                String reason = broken.get(serial) + " -> " + d.path("outcome").asText();
                if (reasons.merge(reason, 1, Integer::sum) == 1) {
                    System.out.println("  e.g. " + reason + ": " + d.path("message").asText());
                }
            } else {
                wrong++;
                System.out.println("  unexpected: " + serial + " " + state + " " + d.path("message").asText()
                        + (isBroken ? " (broken)" : ""));
            }
        }
        int healthy = c.path("total").asInt() - brokenCount;
        System.out.printf(Locale.ROOT, "promo push: %d machines (%d healthy, %d broken) in %.1f s: %d sent with the "
                + "right checksum, %d failed with a reason %s, slowest failure %.1f s, %d unexpected%n",
                c.path("total").asInt(), healthy, brokenCount, elapsed, sentOk, reasons.values().stream()
                        .mapToInt(Integer::intValue).sum(), reasons, slowestFailure / 1000.0, wrong);
        System.out.printf(Locale.ROOT, "ratio: sequential baseline %.1f s / parallel %.1f s = %.1fx faster; target < 60 s: %s%n",
                perMachine * promo.size(), elapsed, perMachine * promo.size() / elapsed, elapsed < 60 ? "MET" : "MISSED");

        // RC-1 figure on the same fleet: the healthy WMF machines, through REST, against a direct SSH exec.
        List<MachineSpec> wmf = shuffled.subList(brokenCount, shuffled.size()).stream()
                .filter(m -> m.family().equalsIgnoreCase("WMF")).limit(20).toList();
        boolean roundTripMet = roundTrip(base, wmf, option("rt-runs", 500), option("rt-parallel", 4), sshPort, seed);
        ssh.close();
        shell.close();
        sim.close();
        dist.stop();
        return wrong == 0 && sentOk == healthy && elapsed < 60 && roundTripMet ? 0 : 1;
    }

    /**
     * Command round trip as an operator's client sees it: {@code POST /api/remote/machines/{serial}/commands/
     * connection-test} (REST, role and visibility checks, the platform's kept SSH session, the exec, the recorded
     * run), spread over a few machines, first one request at a time, then {@code parallel} at once. Baseline in the
     * same run: the same exec line straight from here over one kept SSH session per machine (what remains of the
     * round trip without the platform).
     */
    private static boolean roundTrip(String base, List<MachineSpec> machines, int runs, int parallel, int sshPort,
            long seed) throws Exception {
        for (int i = 0; i < 20; i++) { // class loading, JIT, SSH sessions opened, as in a platform that has run a while
            command(base, machines.get(i % machines.size()).serial());
        }
        List<Long> sequential = timed(runs, 1, i -> command(base, machines.get(i % machines.size()).serial()));
        // One tech-support user per thread, as several operators would be: concurrent requests of one user
        // conflict on its last-login row in core (409; see bench/README.md), which is not what this measures.
        List<String> users = new ArrayList<>();
        for (int t = 0; t < parallel; t++) {
            String user = "bench-support-" + t + "-" + Long.toString(System.nanoTime() % 100_000, 36);
            HttpResponse<String> r = HTTP.send(request(base, "/api/users").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user,
                            "roles", List.of("TECH_SUPPORT"), "allClients", true, "enabled", true,
                            "password", Distribution.ADMIN_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("user " + user + ": " + r.statusCode() + " " + r.body());
            }
            users.add(user);
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<String> own = ThreadLocal.withInitial(() -> users.get(next.getAndIncrement() % users.size()));
        List<Long> concurrent = timed(runs, parallel,
                i -> command(base, machines.get(i % machines.size()).serial(), own.get()));
        List<Long> direct;
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            List<ClientSession> sessions = new ArrayList<>();
            for (MachineSpec m : machines) {
                ClientSession s = client.connect(m.serial(), "127.0.0.1", sshPort).verify(SSH_WAIT)
                        .getSession();
                s.addPasswordIdentity(Secrets.sshPassword(seed, m.serial()));
                s.auth().verify(SSH_WAIT);
                sessions.add(s);
            }
            direct = timed(runs, 1, i -> {
                String out = sessions.get(i % sessions.size()).executeRemoteCommand("wmf-service ping");
                if (out.isBlank()) {
                    throw new IllegalStateException("no answer to wmf-service ping");
                }
            });
            for (ClientSession s : sessions) {
                s.close();
            }
        }
        double p50 = percentile(sequential, 50);
        double p99 = percentile(sequential, 99);
        System.out.printf(Locale.ROOT, "command round trip (REST connection-test on %d WMF machines, %d runs): "
                + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", machines.size(), runs, p50,
                percentile(sequential, 90), p99, percentile(sequential, 100));
        System.out.printf(Locale.ROOT, "command round trip, %d in parallel: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                parallel, percentile(concurrent, 50), percentile(concurrent, 99), percentile(concurrent, 100));
        System.out.printf(Locale.ROOT, "baseline: direct SSH exec over a kept session p50 %.1f ms, p99 %.1f ms; "
                + "ratio platform/direct p50 %.1fx; target p50 < 100 ms, p99 < 500 ms: %s%n", percentile(direct, 50),
                percentile(direct, 99), p50 / percentile(direct, 50),
                p50 < 100 && p99 < 500 ? "MET" : "MISSED");
        return p50 < 100 && p99 < 500;
    }

    private interface Run {
        void run(int i) throws Exception;
    }

    /** Durations in microseconds, sorted, of {@code runs} runs spread over {@code threads} threads. */
    private static List<Long> timed(int runs, int threads, Run run) throws Exception {
        List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int n = i;
            all.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                run.run(n);
                micros.add((System.nanoTime() - t0) / 1000);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(micros);
        java.util.Collections.sort(sorted);
        return sorted;
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    private static double percentile(List<Long> sortedMicros, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.size());
        return sortedMicros.get(Math.max(0, Math.min(sortedMicros.size() - 1, rank - 1))) / 1000.0;
    }

    private static void command(String base, String serial) throws Exception {
        command(base, serial, "admin");
    }

    private static void command(String base, String serial, String user) throws Exception {
        HttpResponse<String> r = HTTP.send(request(base, "/api/remote/machines/" + serial
                + "/commands/connection-test", user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !JSON.readTree(r.body()).path("outcome").asText().equals("OK")) {
            throw new IllegalStateException("connection-test on " + serial + ": " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Stores every machine's SSH login, one request at a time: distributions built before core stopped rewriting
     * the user's row at every login answer parallel requests of one user with 409 now and then.
     */
    private static void storeLogins(String base, FleetModel fleet, long seed) throws Exception {
        Map<String, Long> ids = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<Future<?>> all = new ArrayList<>();
        for (MachineSpec m : fleet.machines()) {
            all.add(pool.submit(() -> {
                String body = JSON.writeValueAsString(Map.of("username", m.serial(), "password",
                        Secrets.sshPassword(seed, m.serial())));
                HttpResponse<String> r = HTTP.send(request(base, "/api/remote/machines/" + m.serial() + "/credentials")
                        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("credentials of " + m.serial() + ": " + r.statusCode() + " " + r.body());
                }
                ids.put(m.serial(), 1L);
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }

    private static void sequential(List<MachineSpec> sample, byte[] image, int port, long seed) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            for (MachineSpec m : sample) {
                try (ClientSession s = client.connect(m.serial(), "127.0.0.1", port).verify(SSH_WAIT)
                        .getSession()) {
                    s.addPasswordIdentity(Secrets.sshPassword(seed, m.serial()));
                    s.auth().verify(SSH_WAIT);
                    try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(s);
                            OutputStream out = sftp.write("promo/baseline.png")) {
                        out.write(image);
                    }
                }
            }
        }
    }

    /** Random pixels do not compress: a PNG of about {@code bytes}. */
    static byte[] noisePng(int bytes) throws Exception {
        int side = (int) Math.sqrt(bytes / 3.0);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static HttpRequest.Builder request(String base, String path) {
        return request(base, path, "admin");
    }

    /** Every user the benchmark creates has the admin's password. */
    private static HttpRequest.Builder request(String base, String path, String user) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Distribution.ADMIN_PASSWORD).getBytes()));
    }

    private static JsonNode get(String base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(request(base, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static String seconds(long t0) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
    }

}
