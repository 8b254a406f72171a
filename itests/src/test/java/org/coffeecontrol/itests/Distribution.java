package org.coffeecontrol.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real distribution zip, unpacked and started with bin/start like an operator would, on ports shifted by
 * {@code it.portOffset} (default 10000) so a running demo does not get in the way; a benchmark or a second run
 * picks another offset. One instance serves every test class of the run.
 */
public final class Distribution {

    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    /** At most 21000: the shifted JMX port 44444 must stay a valid port. */
    public static final int PORT_OFFSET = Integer.getInteger("it.portOffset", 10000);
    public static final int REST_PORT = 8181 + PORT_OFFSET;
    public static final int SSH_PORT = 8101 + PORT_OFFSET;
    public static final int UI_PORT = 8080 + PORT_OFFSET;

    private static Distribution shared;

    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Distribution(Path home) {
        this.home = home;
    }

    /** Starts the shared distribution on first use; it is stopped when the test JVM exits. */
    public static synchronized Distribution shared() throws Exception {
        if (shared == null) {
            shared = launch(Paths.get(System.getProperty("it.distribution")),
                    Paths.get(System.getProperty("it.workDir", "target/it")));
        }
        return shared;
    }

    /**
     * A fresh copy of {@code zip} unpacked into {@code work} (emptied first), started; stopped when the JVM exits. A
     * boot that does not get healthy in time is stopped before the failure is thrown: an orphaned Karaf would hold
     * its ports and break the next launch on the same offset.
     */
    public static Distribution launch(Path zip, Path work) throws Exception {
        Distribution d = new Distribution(unpack(zip, work));
        d.configurePorts();
        try {
            d.start();
        } catch (Exception | Error e) {
            d.stopOrKill(e);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(d::stopQuietly));
        return d;
    }

    /** The administrator's REST client, the usual first line of a test class next to {@link #shared()}. */
    public Rest admin() {
        return Rest.as(restBase(), "admin", ADMIN_PASSWORD);
    }

    public Path home() {
        return home;
    }

    /**
     * Writes {@code etc/<file>} as an administrator would (Felix FileInstall hands it to ConfigAdmin within a
     * second or two) and answers its path, to delete when done. Refuses to overwrite a file that exists: that would be
     * another test's or the distribution's own settings.
     */
    public Path writeConfig(String file, Map<String, ?> values) throws IOException {
        Path p = home.resolve("etc").resolve(file);
        if (Files.exists(p)) {
            throw new IllegalStateException(p + " exists already: writing it would overwrite someone's settings");
        }
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(p, sb);
        return p;
    }

    public String restBase() {
        return "http://localhost:" + REST_PORT;
    }

    public String uiBase() {
        return "http://localhost:" + UI_PORT;
    }

    private static Path unpack(Path zip, Path work) throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        Path root = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path target = work.resolve(e.getName()).normalize();
                if (!target.startsWith(work)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (root == null) {
                    root = work.resolve(Paths.get(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.getParent().getFileName().toString().equals("bin")) {
                        Files.setPosixFilePermissions(target, EnumSet.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
                    }
                }
            }
        }
        return root;
    }

    private void configurePorts() throws IOException {
        replace("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + REST_PORT);
        replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = " + SSH_PORT);
        replace("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = 1099",
                "rmiRegistryPort = " + (1099 + PORT_OFFSET));
        replace("etc/org.apache.karaf.management.cfg", "rmiServerPort = 44444",
                "rmiServerPort = " + (44444 + PORT_OFFSET));
        replace("etc/org.coffeecontrol.ui.cfg", "port = 8080", "port = " + UI_PORT);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = home.resolve(file);
        if (!Files.exists(p)) {
            return;
        }
        String s = Files.readString(p);
        if (!s.contains(from)) {
            throw new IllegalStateException(file + " no longer contains '" + from + "'");
        }
        Files.writeString(p, s.replace(from, to));
    }

    public void start() throws Exception {
        run("bin/start");
        // -Dit.bootMinutes: on a machine shared with other builds the first boot can take longer than 4 minutes.
        waitHealthy(Duration.ofMinutes(Long.getLong("it.bootMinutes", 4)));
    }

    public void stop() throws Exception {
        run("bin/stop");
        // bin/stop returns before the JVM has exited; a start meanwhile would find it still holding the lock.
        for (ProcessHandle karaf : karafProcesses()) {
            karaf.onExit().get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /**
     * Kills the Karaf JVM with SIGKILL, as a power cut would: no shutdown hooks, no Derby checkpoint, nothing
     * flushed that was not already on disk.
     */
    public void kill9() throws Exception {
        List<ProcessHandle> karaf = karafProcesses();
        if (karaf.isEmpty()) {
            throw new IllegalStateException("no Karaf process runs from " + home);
        }
        for (ProcessHandle p : karaf) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : karaf) {
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private List<ProcessHandle> karafProcesses() {
        String marker = home.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains("java")).orElse(false))
                .toList();
    }

    public void restart() throws Exception {
        stop();
        start();
    }

    /** bin/stop needs a Karaf far enough up to listen; one that is not is killed. */
    private void stopOrKill(Throwable failure) {
        try {
            stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
        try {
            for (ProcessHandle p : karafProcesses()) {
                p.destroyForcibly();
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }

    private void run(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve(script).toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("data").resolve("launcher.log").toFile()));
        Files.createDirectories(home.resolve("data"));
        Map<String, String> env = pb.environment();
        env.put("COFFEE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // -Dit.maxMem: the monitoring benchmark proves the platform within 512 MB.
        env.put("JAVA_MAX_MEM", System.getProperty("it.maxMem", "768M"));
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(script + " failed, see " + home.resolve("data/launcher.log"));
        }
    }

    private void waitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        int stable = 0;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restBase() + "/api/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                boolean healthy = r.statusCode() == 200 && (r.body().contains("\"status\":\"UP\"")
                        || r.body().contains("\"status\":\"DEGRADED\"")) && uiUp();
                // Feature bundles keep registering resources for a while after the first 200: wait until the
                // answer has been stable for a few seconds.
                stable = healthy ? stable + 1 : 0;
                if (stable >= 5) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("distribution not healthy after " + timeout + ": " + last + "\n"
                + tail(home.resolve("data/log/karaf.log"), 60));
    }

    /** The UI has its own Jetty; wait for it too when the ui bundle is part of the distribution. */
    private boolean uiUp() {
        if (!Files.exists(home.resolve("etc/org.coffeecontrol.ui.cfg")) || !uiBundlePresent()) {
            return true;
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create(uiBase() + "/")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean uiBundlePresent() {
        try (Stream<Path> s = Files.walk(home.resolve("system/org/coffeecontrol"), 1)) {
            return s.anyMatch(p -> p.getFileName().toString().equals("coffee-ui"));
        } catch (IOException e) {
            return false;
        }
    }

    public static String tail(Path file, int lines) {
        try (InputStream in = Files.newInputStream(file)) {
            List<String> all = new String(in.readAllBytes()).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }
}
