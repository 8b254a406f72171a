package org.coffeecontrol.simulator.ssh;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.coffeecontrol.simulator.SimMachine;
import org.coffeecontrol.simulator.Simulator;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.TelemetryTransport;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's side of the jobs the platform hands out with its batch answers. {@code sql} (deferred SQL, RC-4):
 * runs the statement against the machine's local database, exactly as the {@code sql} SSH command would, and
 * uploads the output. A job handed out again (its result was lost) gets the result it had, not a second run.
 */
public final class MachineJobs implements Simulator.JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MachineJobs.class);
    private static final int REMEMBERED = 1000;

    private final MachineShell shell;
    private final TelemetryTransport transport;
    private final long seed;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, MachineShell.Result> done = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MachineShell.Result> eldest) {
            return size() > REMEMBERED;
        }
    };

    public MachineJobs(MachineShell shell, TelemetryTransport transport, long seed) {
        this.shell = shell;
        this.transport = transport;
        this.seed = seed;
    }

    @Override
    public void handle(SimMachine machine, String job) {
        JsonNode node;
        try {
            node = json.readTree(job);
        } catch (Exception e) {
            LOG.warn("{}: unreadable job {}", machine.serial(), job);
            return;
        }
        String id = node.path("id").asText("");
        String type = node.path("type").asText("");
        if (!"sql".equals(type) || id.isEmpty()) {
            LOG.info("{}: ignoring job {} of type '{}'", machine.serial(), id, type);
            return;
        }
        String key = machine.serial() + "/" + id;
        MachineShell.Result r;
        synchronized (done) {
            r = done.get(key);
        }
        if (r == null) {
            String statement = node.path("sql").asText("");
            r = shell.execute(machine.serial(), "sql '" + statement.replace("'", "'\\''") + "'");
            synchronized (done) {
                done.put(key, r);
            }
        }
        boolean ok = r.exitCode() == 0;
        byte[] body = (ok ? r.out() : r.err()).getBytes(StandardCharsets.UTF_8);
        UploadResult answer = transport.postJobResult(machine.spec().family(), machine.serial(),
                Secrets.telemetrySecret(seed, machine.serial()), id, ok, body);
        if (!(answer instanceof UploadResult.Stored)) {
            // The platform hands the job out again later; the remembered result goes back then.
            LOG.warn("{}: result of job {} not delivered: {}", machine.serial(), id, answer);
        }
    }
}
