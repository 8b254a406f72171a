package org.coffeecontrol.remote.internal;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.catalog.CatalogQuery;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.driver.ArgSpec;
import org.coffeecontrol.api.driver.CommandPlan;
import org.coffeecontrol.api.driver.CommandSpec;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.driverkit.command.CommandTable;
import org.coffeecontrol.remote.internal.machine.RemoteConfig;

/** Test doubles for the services around the remote bundle; SSH and the database are real. */
public final class Fixtures {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Fixtures() {
    }

    /** The configuration with its defaults, some overridden. */
    public static RemoteConfig config(Map<String, Object> overrides) {
        return (RemoteConfig) Proxy.newProxyInstance(RemoteConfig.class.getClassLoader(),
                new Class<?>[] { RemoteConfig.class }, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if (method.getName().equals("annotationType")) {
                        return RemoteConfig.class;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A fresh in-memory Derby database. */
    public static DataSource derby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:remote" + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }

    public static Caller caller(String name, Role role, long... clients) {
        Set<Long> ids = new java.util.HashSet<>();
        for (long c : clients) {
            ids.add(c);
        }
        return new Caller(name, EnumSet.of(role), false, ids);
    }

    /**
     * Only what the remote bundle calls: equipment by text and by id, and models. A machine's {@code posId} doubles
     * as its client id, so visibility is {@code caller.canSeeClient(posId)}.
     */
    public static final class Catalog {
        public final Map<Long, Equipment> equipment = new ConcurrentHashMap<>();
        public final Map<Long, EquipmentModel> models = new ConcurrentHashMap<>();

        public Equipment add(long id, String serial, long client, String family, String host, int port) {
            return add(id, serial, client, family, family + " model", host, port);
        }

        public Equipment add(long id, String serial, long client, String family, String model, String host,
                int port) {
            long modelId = model.hashCode() & 0xffff;
            models.putIfAbsent(modelId, new EquipmentModel(modelId, model, "maker", "coffee machine",
                    family, true, true, 0));
            Equipment e = new Equipment(id, modelId, serial, client, null, host, port, Map.of(), false, Map.of(), 0);
            equipment.put(id, e);
            return e;
        }

        public CatalogService service() {
            return (CatalogService) Proxy.newProxyInstance(CatalogService.class.getClassLoader(),
                    new Class<?>[] { CatalogService.class }, (proxy, method, args) -> {
                        Caller caller = (Caller) args[0];
                        switch (method.getName()) {
                            case "equipment":
                                if (args[1] instanceof CatalogQuery q) {
                                    List<Equipment> hits = new ArrayList<>();
                                    for (Equipment e : equipment.values()) {
                                        if (caller.canSeeClient(e.posId())
                                                && (q.clientId() == null || q.clientId().equals(e.posId()))
                                                && (q.text() == null || e.serialNumber().contains(q.text()))) {
                                            hits.add(e);
                                        }
                                    }
                                    return Page.of(hits, hits.size(), q.page());
                                }
                                Equipment e = equipment.get((Long) args[1]);
                                if (e == null || !caller.canSeeClient(e.posId())) {
                                    throw new NotFoundException("Equipment", args[1]);
                                }
                                return e;
                            case "model":
                                return models.get((Long) args[1]);
                            case "pointOfSale":
                                return new org.coffeecontrol.api.catalog.PointOfSale((Long) args[1], "POS " + args[1],
                                        "P" + args[1], (Long) args[1], null, null, null, null, Map.of(), null, null,
                                        null, null, null, null, null, null, null, null, 0);
                            case "client":
                                if (!caller.canSeeClient((Long) args[1])) {
                                    throw new NotFoundException("Client", args[1]);
                                }
                                return new org.coffeecontrol.api.catalog.Client((Long) args[1], "Client " + args[1],
                                        null, null, null, null, 0);
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    /** A family with a read command, changing ones, a secret argument, a counted one and one that hangs. */
    public static final class TestDriver implements MachineDriver {
        private final CommandTable table = CommandTable.builder("Test")
                .add("ping", "Connection test", "", List.of(), false, "svc ping", Duration.ofSeconds(10))
                .add("reboot", "Reboot", "", List.of(), true, "svc reboot", Duration.ofSeconds(10))
                .add("enter-pin", "Enter PIN", "", List.of(new ArgSpec("pin", "PIN", "[0-9]{4,6}", true)), true,
                        "svc pin {pin}", Duration.ofSeconds(10))
                .add("last-drinks", "Last drinks", "", List.of(new ArgSpec("count", "Count", "[1-9][0-9]?", false)),
                        false, "svc last {count}", Duration.ofSeconds(10))
                .add("hang", "Hang", "", List.of(), false, "svc hang", Duration.ofSeconds(60))
                .build();
        private final Set<Capability> capabilities;

        public TestDriver(Set<Capability> capabilities) {
            this.capabilities = capabilities;
        }

        @Override
        public DriverInfo info() {
            return new DriverInfo("test", "Test", "1", "text/plain", List.of(), capabilities);
        }

        @Override
        public DecodeResult decode(TelemetryBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CommandSpec> commands() {
            return table.specs();
        }

        @Override
        public CommandPlan plan(String commandId, Map<String, String> args) {
            return table.plan(commandId, args);
        }
    }
}
