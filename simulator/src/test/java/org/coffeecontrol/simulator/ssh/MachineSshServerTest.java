package org.coffeecontrol.simulator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.Recipe;
import org.coffeecontrol.api.driver.RecipeDialect;
import org.coffeecontrol.api.driver.RecipeField;
import org.coffeecontrol.api.driver.RecipeRead;
import org.coffeecontrol.drivers.drcoffee.internal.DrCoffeeDriver;
import org.coffeecontrol.drivers.thermoplan.internal.ThermoplanDriver;
import org.coffeecontrol.drivers.wmf.internal.WmfDriver;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.coffeecontrol.simulator.LineEncoder;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineSshServerTest {

    private static final long SEED = 42;
    @TempDir
    static Path dir;
    private static Simulator sim;
    private static MachineShell shell;
    private static MachineSshServer server;
    private static SshClient client;
    private static FleetModel fleet;

    /** Exit code and output of one exec. */
    record Exec(int code, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        fleet = FleetModel.generate(new FleetSpec(SEED, 12, 6, 2));
        Simulator.Settings settings = Simulator.Settings.live(Instant.now().minus(Duration.ofHours(24)))
                .withThreads(1);
        sim = new Simulator(fleet, settings, LineEncoder::new,
                (f, s, k, c, b) -> new UploadResult.Stored(0, 0, -1, List.of()), Clock.systemUTC());
        sim.start();
        // Let the backfill finish first: the tests should not compete with it for the CPU.
        for (MachineSpec m : fleet.machines()) {
            awaitCaughtUp(m.serial());
        }
        shell = new MachineShell(sim, dir.resolve("machines"), Clock.systemUTC());
        server = new MachineSshServer(shell, "127.0.0.1", 0, dir.resolve("hostkey.ser"));
        server.start();
        client = SshClient.setUpDefaultClient();
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
        server.close();
        shell.close();
        sim.close();
    }

    private static MachineSpec machine(String family) {
        return fleet.machines().stream().filter(m -> m.family().equals(family)).findFirst().orElseThrow();
    }

    private static ClientSession login(String serial, String password) throws IOException {
        ClientSession s = client.connect(serial, "127.0.0.1", server.port()).verify(Duration.ofSeconds(10))
                .getSession();
        s.addPasswordIdentity(password);
        s.auth().verify(Duration.ofSeconds(10));
        return s;
    }

    private static Exec exec(String serial, String command) throws IOException {
        try (ClientSession s = login(serial, Secrets.sshPassword(SEED, serial));
                ClientChannel ch = s.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ch.setOut(out);
            ch.setErr(err);
            ch.open().verify(Duration.ofSeconds(10));
            ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(60));
            assertTrue(ch.getExitStatus() != null, "'" + command + "' finished within a minute");
            return new Exec(ch.getExitStatus(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void wrongPasswordOrUnknownMachineIsRefused() {
        String serial = machine("wmf").serial();
        assertThrows(SshException.class, () -> login(serial, "nope").close());
        assertThrows(SshException.class, () -> login("NOPE0001", Secrets.sshPassword(SEED, "NOPE0001")).close());
    }

    @Test
    void familyCommandsChangeTheMachine() throws Exception {
        String wmf = machine("wmf").serial();
        assertEquals(new Exec(0, "pong " + wmf + "\n", ""), exec(wmf, "wmf-service ping"));
        assertEquals(0, exec(wmf, "wmf-service pin on").code());
        // A cleaning run shows over the lock screen, as on the machine's display, and the live simulated day may be in
        // one (the evening cleaning): then the lock shows in the status only.
        String screen = exec(wmf, "wmf-service screen").out();
        assertTrue(screen.equals("Locked\nEnter PIN\n") || screen.startsWith("Cleaning in progress\n"), screen);
        assertTrue(exec(wmf, "wmf-service status").out().contains("pin=on"));
        assertEquals(1, exec(wmf, "wmf-service pin enter user " + wrongPin(Secrets.servicePin(SEED, wmf + "/user")))
                .code());
        assertEquals(0, exec(wmf, "wmf-service pin enter user " + Secrets.servicePin(SEED, wmf + "/user")).code());
        assertTrue(exec(wmf, "wmf-service status").out().contains("pin=off"));
        Exec unknown = exec(wmf, "bw4ctl display");
        assertEquals(127, unknown.code(), "another family's command");
        assertTrue(unknown.err().contains("unknown command"));

        String bw = machine("thermoplan").serial();
        assertEquals(0, exec(bw, "bw4ctl service-flag set").code());
        assertTrue(exec(bw, "bw4ctl info").out().contains("not_serviced=on"));
        String dcc = machine("drcoffee").serial();
        assertEquals(0, exec(dcc, "dcc SETSERIAL DC-OLD-77").code());
        assertTrue(exec(dcc, "dcc STATUS").out().contains("serial=DC-OLD-77"));
        assertTrue(exec(dcc, "help").out().contains("dcc LAST {count}"));
    }

    @Test
    void simErrorRaisesAndClearsAnErrorOfTheMachinesFamily() throws Exception {
        String bw = machine("thermoplan").serial();
        assertEquals(1, exec(bw, "sim-error raise E-61").code(), "a WMF code on a Thermoplan");
        assertEquals(2, exec(bw, "sim-error explode").code());
        assertEquals(0, exec(bw, "sim-error raise 12").code());
        awaitErrors(bw, true);
        assertEquals(0, exec(bw, "sim-error clear 12").code());
        awaitErrors(bw, false);
        assertTrue(exec(bw, "help").out().contains("sim-error raise {code}"));
    }

    private static void awaitErrors(String serial, boolean has12) throws Exception {
        // The machine acts at its next 10-second step.
        for (int i = 0; i < 300; i++) {
            if (exec(serial, "sim-error list").out().lines().anyMatch("12"::equals) == has12) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(serial + (has12 ? " did not raise" : " did not clear") + " error 12");
    }

    @Test
    void rebootTakesTheMachineOffTheNetworkForAWhile() throws Exception {
        // not the first of its family: the other tests use those
        MachineSpec m = fleet.machines().stream().filter(x -> x.family().equals("wmf")).skip(1).findFirst()
                .orElseThrow();
        String restart = "wmf-service reboot machine";
        assertEquals(0, exec(m.serial(), restart).code());
        assertThrows(SshException.class, () -> login(m.serial(), Secrets.sshPassword(SEED, m.serial())).close());
        assertTrue(sim.machine(m.serial()).orElseThrow().outbox() != null);
    }

    @Test
    void sqlAnswersFromTheMachinesOwnDatabase() throws Exception {
        String wmf = machine("wmf").serial();
        Exec recipes = exec(wmf, "sql \"SELECT product, milk_ml FROM recipes WHERE product = 'Cappuccino 200'\"");
        assertEquals(new Exec(0, "PRODUCT\tMILK_ML\nCappuccino 200\t120\n(1 row)\n", ""), recipes);
        assertEquals("1 rows affected\n",
                exec(wmf, "sql \"UPDATE recipes SET price = 199.00 WHERE product = 'Espresso'\"").out());
        assertTrue(exec(wmf, "sql 'SELECT price FROM recipes WHERE product = '\\''Espresso'\\'").out()
                .contains("199.00"));
        // a day of backfill made drinks, and the drinks log has them
        Exec count = exec(wmf, "sql \"SELECT COUNT(*) AS n FROM drinks\"");
        assertTrue(Integer.parseInt(count.out().split("\n")[1]) > 0, count.out());
        Exec ddl = exec(wmf, "sql \"DROP TABLE recipes\"");
        assertEquals(1, ddl.code());
        assertTrue(ddl.err().contains("SQL refused"));
        Exec bad = exec(wmf, "sql \"SELECT nothing FROM nowhere\"");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("SQL error"));
    }

    @Test
    void sftpServesTheMachinesOwnFolders() throws Exception {
        String serial = machine("drcoffee").serial();
        try (ClientSession s = login(serial, Secrets.sshPassword(SEED, serial));
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
            List<String> names = new ArrayList<>();
            sftp.readDir(".").forEach(e -> names.add(e.getFilename()));
            assertTrue(names.containsAll(List.of("promo", "logs", "settings")), names.toString());
            try (OutputStream os = sftp.write("promo/winter.png")) {
                os.write(new byte[] { 1, 2, 3 });
            }
            try (InputStream is = sftp.read("promo/winter.png")) {
                assertEquals(3, is.readAllBytes().length);
            }
        }
        assertTrue(dir.resolve("machines").resolve(serial).resolve("promo/winter.png").toFile().isFile());
        // the recipe backup lands in the same folder tree
        Exec backup = exec(serial, "dcc BACKUP RECIPES");
        assertEquals(0, backup.code());
        String file = backup.out().trim().substring("recipes saved to ".length());
        assertTrue(dir.resolve("machines").resolve(serial).resolve(file).toFile().isFile());
    }

    /** The drivers' recipe dialects against the machines' side of the formats, over real SSH. */
    @Test
    void recipesReadAndWriteThroughEachFamilysDriver() throws Exception {
        for (MachineDriver driver : List.of(new WmfDriver("test"), new ThermoplanDriver("test"),
                new DrCoffeeDriver("test"))) {
            String family = driver.info().family();
            String serial = machine(family).serial();
            RecipeDialect dialect = driver.recipes().orElseThrow();
            Recipe americano = americano(dialect, serial);
            Map<String, BigDecimal> change = Map.of(RecipeField.COFFEE_G, new BigDecimal("11.5"), RecipeField.PRICE,
                    new BigDecimal("123.45"), RecipeField.WATER_ML, new BigDecimal("185"));
            CommandPlan.Exec write = (CommandPlan.Exec) dialect.planWrite(americano.id(), change);
            Exec written = exec(serial, write.commandLine());
            assertEquals(0, written.code(), family + ": " + written);
            Recipe after = americano(dialect, serial);
            for (Map.Entry<String, BigDecimal> c : change.entrySet()) {
                assertEquals(0, c.getValue().compareTo(after.values().get(c.getKey())), family + " " + c.getKey()
                        + ": " + after);
            }
            assertEquals(americano.values().get(RecipeField.MILK_ML), after.values().get(RecipeField.MILK_ML),
                    family + ": untouched values stay");
        }
        String wmf = machine("wmf").serial();
        Exec unknownField = exec(wmf, "wmf-service recipes set 3 sugar_g=4");
        assertEquals(1, unknownField.code(), unknownField.toString());
        assertTrue(unknownField.err().contains("unknown recipe value"), unknownField.err());
        assertEquals(1, exec(wmf, "wmf-service recipes set 999 water_ml=100").code(), "no such slot");
        assertEquals(1, exec(wmf, "wmf-service recipes set 3 coffee_g=9.55").code(), "more decimals than kept");
        assertEquals(127, exec(wmf, "wmf-service recipes set 3 water_ml=100;reboot").code(), "not an assignment");
    }

    private static Recipe americano(RecipeDialect dialect, String serial) throws IOException {
        Exec listing = exec(serial, ((CommandPlan.Exec) dialect.planRead()).commandLine());
        assertEquals(0, listing.code(), listing.toString());
        RecipeRead read = dialect.parse(listing.out());
        assertTrue(read instanceof RecipeRead.Parsed, serial + ": " + read + "\n" + listing.out());
        return ((RecipeRead.Parsed) read).recipes().stream().filter(r -> r.product().equals("Americano 200"))
                .findFirst().orElseThrow();
    }

    private static void awaitCaughtUp(String serial) throws InterruptedException {
        var m = sim.machine(serial).orElseThrow();
        for (int i = 0; i < 1200; i++) {
            synchronized (m) {
                if (m.generator().cursor().isAfter(Instant.now().minusSeconds(60))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(serial + " did not catch up");
    }

    private static String wrongPin(String pin) {
        return pin.equals("1111") ? "2222" : "1111";
    }
}
