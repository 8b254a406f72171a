package org.coffeecontrol.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.HttpTelemetryTransport;
import org.coffeecontrol.simulator.platform.PlatformClient;
import org.coffeecontrol.simulator.platform.PlatformException;
import org.coffeecontrol.simulator.platform.PlatformSeeder;
import org.coffeecontrol.simulator.platform.TelemetryTransport;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.coffeecontrol.simulator.ssh.MachineJobs;
import org.coffeecontrol.simulator.ssh.MachineShell;
import org.coffeecontrol.simulator.ssh.MachineSshServer;
import org.coffeecontrol.simulator.wire.WireEncoders;

/** The simulator's command line: see {@link Options#USAGE}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Instant now = Instant.now();
        Options o;
        FleetModel fleet;
        try {
            o = Options.parse(args, System.getenv(), now);
            fleet = FleetModel.generate(new FleetSpec(o.seed(), o.machines(), o.pos(), o.clients()));
        } catch (IllegalArgumentException e) {
            if ("help".equals(e.getMessage())) {
                out.print(Options.USAGE);
                return 0;
            }
            err.println("simulator: " + e.getMessage());
            err.print(Options.USAGE);
            return 2;
        }
        if (o.printFleet()) {
            printFleet(fleet, out);
            return 0;
        }
        Files.createDirectories(o.workDir());
        // Derby writes derby.log into the working directory unless told otherwise.
        System.setProperty("derby.stream.error.file", o.workDir().resolve("derby.log").toString());
        // HTTP/1.1 on purpose: no h2c upgrade dance with Pax Web's Jetty on every new connection.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, o.threads()), daemon("http"))).build();
        if (o.seedPlatform()) {
            try {
                PlatformSeeder seeder = new PlatformSeeder(
                        new PlatformClient(o.platform(), http, o.adminUser(), o.adminPassword()), o.sshHost(),
                        o.sshPort());
                out.println("seeded " + o.platform() + ": " + seeder.seed(fleet));
            } catch (PlatformException e) {
                err.println("simulator: seeding failed: " + e.getMessage());
                return 1;
            }
        }
        TelemetryTransport transport = o.telemetry()
                ? new HttpTelemetryTransport(o.platform(), http, Duration.ofSeconds(30))
                : (family, serial, secret, type, body) -> new UploadResult.Stored(0, 0, -1, List.of());
        Simulator.Settings settings = Simulator.Settings.live(o.from()).withTo(o.to())
                .withSpeed(o.speed()).withUploadInterval(o.uploadInterval()).withThreads(o.threads());
        Simulator sim = new Simulator(fleet, settings, WireEncoders::forFamily, transport, Clock.systemUTC());
        MachineShell shell = new MachineShell(sim, o.workDir().resolve("machines"), Clock.systemUTC());
        sim.onJob(new MachineJobs(shell, transport, o.seed()));
        if (o.faultyPercent() > 0) {
            for (SimMachine broken : sim.breakMachines(o.faultyPercent())) {
                out.println("broken: " + broken.serial() + " " + broken.fault());
            }
        }
        MachineSshServer ssh = null;
        if (o.sshPort() > 0) {
            ssh = new MachineSshServer(shell, o.sshBind(), o.sshPort(), o.workDir().resolve("hostkey.ser"));
            try {
                ssh.start();
            } catch (IOException e) {
                err.println("simulator: cannot listen for SSH on " + o.sshBind() + ":" + o.sshPort() + ": " + e.getMessage());
                return 1;
            }
        }
        sim.start();
        out.printf("simulating %d machines at %d points of sale for %d clients (seed %d) from %s%s at speed %s%s%n",
                o.machines(), o.pos(), o.clients(), o.seed(), settings.from(),
                o.to() == null ? "" : " to " + o.to(), o.speed(),
                o.telemetry() ? ", posting to " + o.platform() : ", telemetry off");
        if (ssh != null) {
            out.println("SSH/SFTP on " + o.sshBind() + ":" + ssh.port() + " (user = serial; --print-fleet lists passwords)");
        }
        ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(daemon("status"));
        status.scheduleAtFixedRate(() -> out.println("[" + sim.simNow() + "] pending=" + sim.pendingEvents() + " "
                + sim.stats()), o.statusInterval().toMillis(), o.statusInterval().toMillis(), TimeUnit.MILLISECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        MachineSshServer sshServer = ssh;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            status.shutdownNow();
            sim.close();
            shell.close();
            if (sshServer != null) {
                try {
                    sshServer.close();
                } catch (IOException e) {
                    // exiting anyway
                }
            }
        }, "shutdown"));
        if (o.to() != null) {
            while (!sim.awaitDone(Duration.ofSeconds(1))) {
                if (stopped.getCount() == 0) {
                    return 1;
                }
            }
            out.println("done: " + sim.stats());
            return 0;
        }
        stopped.await();
        return 0;
    }

    private static void printFleet(FleetModel fleet, PrintStream out) {
        long seed = fleet.spec().seed();
        out.println("serial\tfamily\tmodel\tpos\tssh_password\tservice_pin\tuser_pin\ttelemetry_secret");
        for (MachineSpec m : fleet.machines()) {
            out.println(String.join("\t", m.serial(), m.family(), m.model(), m.posCode(),
                    Secrets.sshPassword(seed, m.serial()), Secrets.servicePin(seed, m.serial()),
                    Secrets.servicePin(seed, m.serial() + "/user"), Secrets.telemetrySecret(seed, m.serial())));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
