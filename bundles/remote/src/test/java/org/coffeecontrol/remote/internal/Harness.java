package org.coffeecontrol.remote.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.remote.internal.db.RemoteDatabase;
import org.coffeecontrol.remote.internal.machine.MachineGateway;
import org.coffeecontrol.remote.internal.transport.TestSshServer;

/**
 * A machine world for service tests: a real SSHD server playing machines M1 (client 1) and M2 (client 2), an
 * in-memory Derby, a catalogue double, the test driver, and the real gateway with its transport.
 */
public final class Harness implements AutoCloseable {

    public volatile Function<String, TestSshServer.Answer> answers = line -> new TestSshServer.Answer(0, "done\n");
    public final TestSshServer server;
    public final Fixtures.Catalog catalog = new Fixtures.Catalog();
    public final RemoteDatabase database;
    public final MachineGateway gateway;

    public Harness(Path dir, Map<String, Object> config) throws IOException, java.sql.SQLException {
        server = new TestSshServer(dir.resolve("sftp"), line -> answers.apply(line)).user("M1", "pw1").user("M2", "pw2");
        java.nio.file.Files.createDirectories(dir.resolve("sftp"));
        catalog.add(1, "M1", 1, "test", "127.0.0.1", server.port());
        catalog.add(2, "M2", 2, "test", "127.0.0.1", server.port());
        Map<String, Object> c = new HashMap<>(config);
        c.putIfAbsent("keyFile", dir.resolve("key/credentials.key").toString());
        CatalogService service = catalog.service();
        database = new RemoteDatabase(Fixtures.derby());
        gateway = new MachineGateway(service, database, Fixtures.config(c));
        gateway.bindDriver(new Fixtures.TestDriver(Set.of(Capability.COMMANDS, Capability.SQL, Capability.FILES)),
                Map.of(MachineDriver.FAMILY_PROPERTY, "test"));
        gateway.credentials().save(1, "M1", "pw1".toCharArray(), "setup");
        gateway.credentials().save(2, "M2", "pw2".toCharArray(), "setup");
    }

    public Caller admin() {
        return Caller.system();
    }

    @Override
    public void close() throws IOException {
        gateway.transport().close();
        server.close();
    }
}
