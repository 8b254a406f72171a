package org.coffeecontrol.simulator.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.coffeecontrol.simulator.LineEncoder;
import org.coffeecontrol.simulator.SimMachine;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.TelemetryTransport;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineJobsTest {

    @TempDir
    Path dir;

    record Posted(String serial, String secret, String jobId, boolean ok, String body) {
    }

    @Test
    void aDeferredQueryRunsOnTheLocalDatabaseOnceAndItsResultGoesBack() throws Exception {
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        FleetModel fleet = FleetModel.generate(new FleetSpec(77, 2, 2, 1));
        List<Posted> posted = new ArrayList<>();
        TelemetryTransport transport = new TelemetryTransport() {
            @Override
            public UploadResult post(String family, String serial, String secret, String contentType, byte[] body) {
                return new UploadResult.Stored(0, 0, -1, List.of());
            }

            @Override
            public UploadResult postJobResult(String family, String serial, String secret, String jobId, boolean ok,
                    byte[] body) {
                posted.add(new Posted(serial, secret, jobId, ok, new String(body, StandardCharsets.UTF_8)));
                return posted.size() == 2 ? new UploadResult.Failed("network down") : new UploadResult.Stored(0, 0, -1, List.of());
            }
        };
        try (Simulator sim = new Simulator(fleet, Simulator.Settings.live(Instant.now()).withThreads(1),
                LineEncoder::new, transport, Clock.systemUTC());
                MachineShell shell = new MachineShell(sim, dir.resolve("machines"), Clock.systemUTC())) {
            SimMachine m = sim.machines().get(0);
            MachineJobs jobs = new MachineJobs(shell, transport, 77);

            jobs.handle(m, "{\"id\":\"dsql-1\",\"type\":\"sql\",\"fastId\":\"1\",\"sql\":\"SELECT product FROM recipes WHERE product = 'Espresso'\"}");
            assertEquals(1, posted.size());
            Posted first = posted.get(0);
            assertEquals(m.serial(), first.serial());
            assertEquals(Secrets.telemetrySecret(77, m.serial()), first.secret());
            assertEquals("dsql-1", first.jobId());
            assertTrue(first.ok());
            assertEquals("PRODUCT\nEspresso\n(1 row)\n", first.body());

            String insert = "{\"id\":\"dsql-2\",\"type\":\"sql\",\"sql\":\"INSERT INTO recipes VALUES (99, 'Test', 1.0, 1, 0, 90, 1.00)\"}";
            jobs.handle(m, insert); // the upload fails (second post): the platform will hand the job out again
            jobs.handle(m, insert);
            assertEquals("1 rows affected\n", posted.get(2).body(), "the remembered result, not a second run");
            assertEquals("NUM\n1\n(1 row)\n", shell.execute(m.serial(),
                    "sql 'SELECT COUNT(*) AS num FROM recipes WHERE id = 99'").out());

            jobs.handle(m, "{\"id\":\"dsql-3\",\"type\":\"sql\",\"sql\":\"SELECT * FROM no_such_table\"}");
            Posted failed = posted.get(3);
            assertFalse(failed.ok());
            assertTrue(failed.body().contains("NO_SUCH_TABLE"), failed.body());

            jobs.handle(m, "{\"id\":\"x-1\",\"type\":\"reboot\"}");
            jobs.handle(m, "not json");
            assertEquals(4, posted.size(), "unknown and unreadable jobs are ignored");
        }
    }
}
