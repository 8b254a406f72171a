package org.coffeecontrol.itests.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.telemetry.IngestResult;
import org.coffeecontrol.api.telemetry.ReplayResult;
import org.coffeecontrol.api.telemetry.StoredEvent;
import org.coffeecontrol.api.telemetry.TelemetryService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * PLT-2 proven inside the framework with Pax Exam (issue 3): our distribution zip boots in Pax Exam's Karaf
 * container, this class runs as a probe bundle inside it and talks to the platform's OSGi services. The Dr.Coffee
 * driver bundle is removed (a batch of that family becomes a dead letter), its jar is dropped into {@code deploy/}
 * (the family decodes again and the dead letter replays into stored events), then the jar is deleted (the family
 * detaches, everything else keeps running).
 * <p>
 * JUnit 4 (Pax Exam 4 has no JUnit 5 support), run by the vintage engine next to the Jupiter ITs. It boots its own
 * Karaf, separate from {@code Distribution.shared()}, on {@code it.portOffset} + 901 (SSH), + 980 (UI), + 981
 * (REST); RMI ports are free ports chosen by Pax Exam. Expect OsgiLocator errors in the output: Pax Exam starts
 * Karaf without {@code bin/karaf}'s {@code --patch-module} options; they do not fail anything.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployPaxExamIT {

    private static final String FAMILY = "drcoffee";
    private static final String DRIVER_BUNDLE = "org.coffeecontrol.drivers.drcoffee";
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Duration BOOT = Duration.ofMinutes(Long.getLong("it.paxExamBootMinutes", 10));

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        int offset = Integer.getInteger("it.portOffset", 10000);
        File zip = new File(System.getProperty("it.distribution",
                "../distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip"));
        File work = new File(System.getProperty("it.workDir", "target/it"), "pax-exam");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(zip.toURI().toString()).name("Coffee Control")
                    .karafVersion("4.4.10").unpackDirectory(work).useDeployFolder(false),
            // JDK 17 rejects a jar nested in the Aries JAX-RS API bundle without it (bin/setenv sets it normally).
            CoreOptions.vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(offset + 901)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    String.valueOf(offset + 981)),
            editConfigurationFilePut("etc/org.coffeecontrol.ui.cfg", "port", String.valueOf(offset + 980)),
            // Pax Exam installs its own bundles with mvn: URLs; they are in the build's local repository.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevelOption.LogLevel.WARN),
            // Until the probe answers: the whole platform boots first (about a minute on a quiet machine; more
            // than five at a load average of 20 with the build at nice 15).
            systemTimeout(BOOT.toMillis()),
            // The probe bundle is installed while the boot features still resolve; Pax Exam's extender gives up
            // on its JUnit invoker after 10 s by default and the test would then never start.
            CoreOptions.systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                    .value(String.valueOf(BOOT.toMillis())),
        };
    }

    @Test
    public void driverJarDroppedIntoDeployDecodesAndDetachesCleanly() throws Exception {
        TelemetryService telemetry = service(TelemetryService.class);
        CatalogService catalog = service(CatalogService.class);
        await("the three drivers", () -> families(telemetry).containsAll(List.of("wmf", "thermoplan", FAMILY)));

        Caller system = Caller.system();
        String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Client client = catalog.saveClient(system, new Client(null, "Pax Exam " + tag, "PX" + tag, null, null, null, 0));
        PointOfSale pos = catalog.savePointOfSale(system, new PointOfSale(null, "Pax Exam POS " + tag, "PXP" + tag,
                client.id(), null, "Probe street 1", null, null, Map.of(), null, null, null, null, null, null, null,
                null, null, null, 0));
        EquipmentModel model = catalog.saveModel(system, new EquipmentModel(null, "CoffeeZone PX" + tag, "Dr.Coffee",
                "coffee machine", FAMILY, true, false, 0));
        Equipment machine = catalog.saveEquipment(system, new Equipment(null, model.id(), "PX-DRC-" + tag, pos.id(),
                null, null, null, Map.of(), false, Map.of(), 0));
        String secret = "pax-exam-secret-" + tag;
        telemetry.setMachineSecret(system, machine.id(), secret);
        long t = Instant.now().getEpochSecond() - 600;

        IngestResult before = telemetry.ingest(FAMILY, machine.serialNumber(), secret, CONTENT_TYPE,
                batch(machine, t, 1, 2));
        assertEquals(before.toString(), IngestResult.Status.STORED, before.status());

        Bundle driver = bundle(DRIVER_BUNDLE);
        Path jar = Paths.get(driver.getLocation().startsWith("mvn:")
                ? systemRepositoryPath(driver.getLocation()) : new java.net.URI(driver.getLocation()).getPath());
        assertTrue("driver jar " + jar, Files.isRegularFile(jar));
        driver.uninstall();
        await("the family without a driver", () -> !families(telemetry).contains(FAMILY));

        IngestResult kept = telemetry.ingest(FAMILY, machine.serialNumber(), secret, CONTENT_TYPE,
                batch(machine, t, 3, 4));
        assertEquals(kept.toString(), IngestResult.Status.DEAD_LETTERED, kept.status());
        assertNotNull(kept.deadLetterId());
        restKeepsRunning(telemetry);

        Path home = Paths.get(System.getProperty("karaf.home"));
        Path staged = home.resolve("data/coffee-driver-drcoffee.jar");
        Path deployed = home.resolve("deploy/coffee-driver-drcoffee.jar");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        // one atomic step: File Install must never see half a jar
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
        await("the family after the jar was dropped into deploy/", () -> families(telemetry).contains(FAMILY));

        ReplayResult replay = telemetry.replay(system, kept.deadLetterId());
        assertEquals(replay.toString(), 1, replay.replayed());
        assertEquals(replay.toString(), 2, replay.eventsStored());
        List<Long> seqs = telemetry.lastEvents(system, machine.id(), 10).stream().map(StoredEvent::seq).sorted().toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs);
        IngestResult live = telemetry.ingest(FAMILY, machine.serialNumber(), secret, CONTENT_TYPE,
                batch(machine, t, 5, 6));
        assertEquals(live.toString(), IngestResult.Status.STORED, live.status());

        Files.delete(deployed);
        await("the family to detach after the jar was deleted", () -> !families(telemetry).contains(FAMILY));
        IngestResult after = telemetry.ingest(FAMILY, machine.serialNumber(), secret, CONTENT_TYPE,
                batch(machine, t, 7, 8));
        assertEquals(after.toString(), IngestResult.Status.DEAD_LETTERED, after.status());
        restKeepsRunning(telemetry);
    }

    private static final String CONTENT_TYPE = "text/vnd.coffeecontrol.drcoffee-lines";

    /** Dr.Coffee lines (see the driver's README): a drink and a heartbeat per pair of sequence numbers. */
    private static byte[] batch(Equipment machine, long epochSeconds, long firstSeq, long secondSeq) {
        String lines = "CZ;1;" + machine.serialNumber() + "\n"
                + firstSeq + ";" + (epochSeconds + firstSeq) + ";DRINK;1;\n"
                + secondSeq + ";" + (epochSeconds + secondSeq) + ";HB\n";
        return lines.getBytes(StandardCharsets.US_ASCII);
    }

    /** Every other coffee bundle active, the other families still decoding, the database healthy. */
    private void restKeepsRunning(TelemetryService telemetry) throws Exception {
        assertTrue(families(telemetry).containsAll(List.of("wmf", "thermoplan")));
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.coffeecontrol.")
                    && !b.getSymbolicName().equals(DRIVER_BUNDLE)) {
                assertEquals(b.getSymbolicName(), Bundle.ACTIVE, b.getState());
            }
        }
        for (ServiceReference<HealthCheck> ref : context.getServiceReferences(HealthCheck.class, null)) {
            HealthCheck check = context.getService(ref);
            if (check.name().equals("database")) {
                HealthStatus s = check.check();
                assertEquals(s.toString(), HealthStatus.State.UP, s.state());
            }
            context.ungetService(ref);
        }
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
        T s = tracker.waitForService(WITHIN.toMillis());
        assertNotNull(type.getSimpleName() + " not registered within " + WITHIN, s);
        return s;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WITHIN);
            }
            Thread.sleep(200);
        }
    }
}
