package org.coffeecontrol.itests.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.telemetry.ReplayResult;
import org.coffeecontrol.api.telemetry.StoredEvent;
import org.coffeecontrol.api.telemetry.TelemetryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * PLT-2 proven inside the framework with Pax Exam (issue 3): our distribution zip boots in Pax Exam's Karaf
 * container and this class runs there as a probe bundle, next to the platform's services. The Dr.Coffee driver
 * bundle is removed (a batch posted over REST becomes a dead letter), its jar is dropped into {@code deploy/} (the
 * family decodes again, the dead letter replays into stored events, new batches are stored), then the jar is
 * deleted (the family detaches; Thermoplan batches are still stored, every other coffee bundle stays active and
 * {@code /api/health} answers 200 with the two remaining drivers).
 * <p>
 * JUnit 4 (Pax Exam 4 has no JUnit 5 support), run by the vintage engine next to the Jupiter ITs. It boots its own
 * Karaf, separate from {@code Distribution.shared()}, on {@code it.portOffset} + 901 (SSH), + 980 (UI), + 981
 * (REST); RMI ports are free ports chosen by Pax Exam. {@code -Dit.paxExamKeep=true} keeps its Karaf folder under
 * {@code <it.workDir>/pax-exam} for a look at {@code data/log/karaf.log}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployPaxExamIT {

    private static final String FAMILY = "drcoffee";
    private static final String DRIVER_BUNDLE = "org.coffeecontrol.drivers.drcoffee";
    private static final String DRCOFFEE_TYPE = "text/vnd.coffeecontrol.drcoffee-lines";
    private static final String THERMOPLAN_TYPE = "text/vnd.coffeecontrol.thermoplan-d2d";
    /** Handed from the test JVM (which builds the configuration) to the probe (which runs inside Karaf). */
    private static final String REST_PORT = "coffee.paxexam.restPort";
    private static final String FEATURES_CFG = "etc/org.apache.karaf.features.cfg";
    private static final Duration WITHIN = Duration.ofSeconds(60);
    /** Boot, Pax Exam's own stage and the restart it causes (see {@link #config()}): ~2 min quiet, 10 at load 20. */
    private static final Duration BOOT = Duration.ofMinutes(Long.getLong("it.paxExamBootMinutes", 20));

    /** Set inside Karaf only: JUnit also makes an instance in the test JVM, for {@link #config()}. */
    private BundleContext context;
    private HttpClient http;

    @Configuration
    public Option[] config() {
        int offset = Integer.getInteger("it.portOffset", 10000);
        File zip = new File(System.getProperty("it.distribution",
                "../distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip"));
        File work = new File(System.getProperty("it.workDir", "target/it"), "pax-exam");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(zip.toURI().toString()).name("Coffee Control")
                    .karafVersion("4.4.10").unpackDirectory(work).useDeployFolder(false),
            when(Boolean.getBoolean("it.paxExamKeep")).useOptions(keepRuntimeFolder()),
            // JDK 17 rejects a jar nested in the Aries JAX-RS API bundle without it (bin/setenv sets it normally).
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(offset + 901)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    String.valueOf(offset + 981)),
            editConfigurationFilePut("etc/org.coffeecontrol.ui.cfg", "port", String.valueOf(offset + 980)),
            systemProperty(REST_PORT).value(String.valueOf(offset + 981)),
            // Pax Exam provisions its own bundles (its "exam" feature) with mvn: URLs; the build fetched them into
            // its local repository (see the pom).
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("it.localRepository",
                            System.getProperty("user.home") + "/.m2/repository")),
            // Pax Exam appends its own features (remote bundle context, extender, JUnit invoker, injection) to
            // featuresBoot, which is one flat list: one stage, in which the probe is installed as soon as the remote
            // bundle context is up, while hundreds of platform bundles still start, and its JUnit invoker never
            // answered. The platform's features in parentheses make Pax Exam's a second stage, installed once the
            // platform has booted. That stage swaps javax.inject's provider and refreshes the persistence bundles
            // and core: the test waits for the platform to come back.
            editConfigurationFilePut(FEATURES_CFG, "featuresBoot", "(" + bootFeatures(zip) + ")"),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevelOption.LogLevel.INFO),
            // Until the probe answers: the whole platform boots first (about a minute on a quiet machine, several
            // on a busy one).
            systemTimeout(BOOT.toMillis()),
            // The probe can still come a moment before the invoker, within the same stage; the extender waits
            // 10 s for it by default, too little on a busy machine.
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                    .value(String.valueOf(Duration.ofMinutes(2).toMillis())),
        };
    }

    /** The distribution's own {@code featuresBoot}, as the zip ships it. */
    private static String bootFeatures(File zip) {
        try (ZipFile z = new ZipFile(zip)) {
            ZipEntry cfg = z.stream().filter(e -> e.getName().endsWith("/" + FEATURES_CFG)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + FEATURES_CFG + " in " + zip));
            Properties p = new Properties();
            try (InputStream in = z.getInputStream(cfg)) {
                p.load(in);
            }
            String features = p.getProperty("featuresBoot");
            if (features == null || features.contains("(")) {
                throw new IllegalStateException("featuresBoot of " + zip + " is not one flat list: " + features);
            }
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void driverJarDroppedIntoDeployDecodesAndDetachesCleanly() throws Exception {
        context = FrameworkUtil.getBundle(HotDeployPaxExamIT.class).getBundleContext();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        TelemetryService telemetry = service(TelemetryService.class);
        CatalogService catalog = service(CatalogService.class);
        await("the three drivers", BOOT,
                () -> families(telemetry).containsAll(List.of("wmf", "thermoplan", FAMILY)));
        await("/api/health answering 200", BOOT, () -> get("/api/health").statusCode() == 200);

        Caller system = Caller.system();
        String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Client client = catalog.saveClient(system, new Client(null, "Pax Exam " + tag, "PX" + tag, null, null, null, 0));
        PointOfSale pos = catalog.savePointOfSale(system, new PointOfSale(null, "Pax Exam POS " + tag, "PXP" + tag,
                client.id(), null, "Probe street 1", null, null, Map.of(), null, null, null, null, null, null, null,
                null, null, null, 0));
        Equipment drc = machine(catalog, telemetry, pos, "Dr.Coffee", FAMILY, "PX-DRC-" + tag);
        Equipment tp = machine(catalog, telemetry, pos, "Thermoplan", "thermoplan", "PX-TP-" + tag);
        long t = Instant.now().getEpochSecond() - 600;

        assertAnswer(200, "STORED", post(FAMILY, drc, DRCOFFEE_TYPE, drcoffee(drc, t, 1, 2)));

        Bundle driver = bundle(DRIVER_BUNDLE);
        Path jar = Paths.get(driver.getLocation().startsWith("mvn:")
                ? systemRepositoryPath(driver.getLocation()) : new URI(driver.getLocation()).getPath());
        assertTrue("driver jar " + jar, Files.isRegularFile(jar));
        driver.uninstall();
        await("the family without a driver", () -> !families(telemetry).contains(FAMILY));

        HttpResponse<String> kept = post(FAMILY, drc, DRCOFFEE_TYPE, drcoffee(drc, t, 3, 4));
        assertAnswer(202, "DEAD_LETTERED", kept);
        long deadLetterId = Long.parseLong(field(kept.body(), "deadLetterId"));
        othersKeepRunning(telemetry, tp, t, 1);

        Path home = Paths.get(System.getProperty("karaf.home"));
        Path staged = home.resolve("data/coffee-driver-drcoffee.jar");
        Path deployed = home.resolve("deploy/coffee-driver-drcoffee.jar");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        // one atomic step: File Install must never see half a jar
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
        await("the family after the jar was dropped into deploy/", () -> families(telemetry).contains(FAMILY));

        ReplayResult replay = telemetry.replay(system, deadLetterId);
        assertEquals(replay.toString(), 1, replay.replayed());
        assertEquals(replay.toString(), 2, replay.eventsStored());
        assertAnswer(200, "STORED", post(FAMILY, drc, DRCOFFEE_TYPE, drcoffee(drc, t, 5, 6)));
        List<Long> seqs = telemetry.lastEvents(system, drc.id(), 10).stream().map(StoredEvent::seq).sorted().toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), seqs);

        Files.delete(deployed);
        await("the family to detach after the jar was deleted", () -> !families(telemetry).contains(FAMILY));
        assertAnswer(202, "DEAD_LETTERED", post(FAMILY, drc, DRCOFFEE_TYPE, drcoffee(drc, t, 7, 8)));
        othersKeepRunning(telemetry, tp, t, 2);
    }

    /** Thermoplan still decodes, every other coffee bundle is active, health answers 200 without Dr.Coffee. */
    private void othersKeepRunning(TelemetryService telemetry, Equipment tp, long t, long seq) throws Exception {
        assertTrue(families(telemetry).containsAll(List.of("wmf", "thermoplan")));
        assertAnswer(200, "STORED", post("thermoplan", tp, THERMOPLAN_TYPE, thermoplan(tp, t, seq)));
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.coffeecontrol.")
                    && !b.getSymbolicName().equals(DRIVER_BUNDLE)) {
                assertEquals(b.getSymbolicName(), Bundle.ACTIVE, b.getState());
            }
        }
        // A bundle going away makes the REST whiteboard republish for a moment (health says so with a 503).
        await("/api/health answering 200", () -> get("/api/health").statusCode() == 200);
        String health = get("/api/health").body();
        assertTrue(health, health.contains("\"wmf\"") && health.contains("\"thermoplan\""));
        assertFalse(health, health.contains("\"" + FAMILY + "\""));
    }

    private static Equipment machine(CatalogService catalog, TelemetryService telemetry, PointOfSale pos,
            String vendor, String family, String serial) {
        Caller system = Caller.system();
        EquipmentModel model = catalog.saveModel(system, new EquipmentModel(null, vendor + " " + serial, vendor,
                "coffee machine", family, true, false, 0));
        Equipment machine = catalog.saveEquipment(system, new Equipment(null, model.id(), serial, pos.id(),
                null, null, null, Map.of(), false, Map.of(), 0));
        telemetry.setMachineSecret(system, machine.id(), secret(machine));
        return machine;
    }

    private static String secret(Equipment machine) {
        return "pax-exam-secret-" + machine.serialNumber();
    }

    /** Dr.Coffee lines (see the driver's README): a drink and a heartbeat. */
    private static byte[] drcoffee(Equipment machine, long epochSeconds, long firstSeq, long secondSeq) {
        String lines = "CZ;1;" + machine.serialNumber() + "\n"
                + firstSeq + ";" + (epochSeconds + firstSeq) + ";DRINK;1;\n"
                + secondSeq + ";" + (epochSeconds + secondSeq) + ";HB\n";
        return lines.getBytes(StandardCharsets.US_ASCII);
    }

    /** The Thermoplan driver README's minimal batch: one heartbeat. */
    private static byte[] thermoplan(Equipment machine, long epochSeconds, long seq) {
        String lines = "#D2D/1 serial=" + machine.serialNumber() + "\n"
                + "Heartbeat seq=" + seq + " time=" + (epochSeconds + seq) * 1000 + "\n";
        return lines.getBytes(StandardCharsets.UTF_8);
    }

    /** What the machine's daemon does: its batch to the REST port, authenticated with its secret. */
    private HttpResponse<String> post(String family, Equipment machine, String contentType, byte[] body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(rest("/api/telemetry/" + family + "/" + machine.serialNumber()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + secret(machine))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(rest(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI rest(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty(REST_PORT) + path);
    }

    private static void assertAnswer(int status, String answer, HttpResponse<String> response) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals(response.body(), answer, field(response.body(), "status"));
    }

    /** One scalar field of the platform's small JSON answers. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertTrue(name + " in " + json, m.find());
        return m.group(1);
    }

    private static List<String> families(TelemetryService telemetry) {
        return telemetry.drivers().stream().map(d -> d.family()).toList();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** {@code mvn:g/a/v} → the jar in the distribution's {@code system/} repository. */
    private static String systemRepositoryPath(String location) {
        String[] gav = location.substring("mvn:".length()).split("/");
        return Paths.get(System.getProperty("karaf.home"), "system", gav[0].replace('.', '/'), gav[1], gav[2],
                gav[1] + "-" + gav[2] + ".jar").toString();
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T s = tracker.waitForService(BOOT.toMillis());
        assertNotNull(type.getSimpleName() + " not registered within " + BOOT, s);
        return s;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, WITHIN, condition);
    }

    private static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + within);
            }
            Thread.sleep(200);
        }
    }
}
