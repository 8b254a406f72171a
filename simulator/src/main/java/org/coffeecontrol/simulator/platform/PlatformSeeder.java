package org.coffeecontrol.simulator.platform;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.coffeecontrol.simulator.model.ClientSpec;
import org.coffeecontrol.simulator.model.FamilyProfile;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.PosSpec;
import org.coffeecontrol.simulator.model.RegionSpec;
import org.coffeecontrol.simulator.model.Secrets;

/**
 * Puts the simulated fleet into the platform's catalogues: regions, clients, equipment models, points of sale,
 * equipment and each machine's telemetry secret. Idempotent: objects found by their key are reused, so seeding
 * twice creates nothing the second time (the secret is set again, which is harmless).
 */
public final class PlatformSeeder {

    /** How many objects were created and how many were already there. */
    public record Report(int created, int existing) {
        @Override
        public String toString() {
            return created + " created, " + existing + " already present";
        }
    }

    private final PlatformClient client;
    private final String sshHost;
    private final int sshPort;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger existing = new AtomicInteger();
    private int parallelism = 1;

    public PlatformSeeder(PlatformClient client, String sshHost, int sshPort) {
        this.client = client;
        this.sshHost = sshHost;
        this.sshPort = sshPort;
    }

    /**
     * Points of sale and machines are put in with this many requests at once (default 1). Only for a large fleet
     * (the 10,000-machine benchmark), where one request after the other would take many minutes.
     */
    public PlatformSeeder parallelism(int n) {
        this.parallelism = Math.max(1, n);
        return this;
    }

    public Report seed(FleetModel fleet) {
        created.set(0);
        existing.set(0);
        Map<String, Long> regionIds = new HashMap<>();
        for (RegionSpec r : fleet.regions()) {
            regionIds.put(r.code(), ensure(PlatformClient.Collection.REGIONS, r.code(),
                    () -> fields("name", r.name(), "code", r.code(), "version", 0)));
        }
        Map<String, Long> clientIds = new HashMap<>();
        for (ClientSpec c : fleet.clients()) {
            clientIds.put(c.code(), ensure(PlatformClient.Collection.CLIENTS, c.code(),
                    () -> fields("name", c.name(), "code", c.code(), "email", c.email(), "phone", c.phone(),
                            "notes", "Simulated client", "version", 0)));
        }
        Map<String, Long> modelIds = new HashMap<>();
        for (MachineSpec m : fleet.machines()) {
            if (!modelIds.containsKey(m.model())) {
                FamilyProfile p = fleet.profileOf(m);
                modelIds.put(m.model(), ensure(PlatformClient.Collection.MODELS, m.model(),
                        () -> fields("name", m.model(), "manufacturer", p.manufacturer(), "type", "coffee machine",
                                "family", p.family(), "supportsRecipes", p.supportsRecipes(), "supportsPromo",
                                p.supportsPromo(), "version", 0)));
            }
        }
        Map<String, Long> posIds = new ConcurrentHashMap<>();
        each(fleet.pointsOfSale(), p -> {
            posIds.put(p.code(), ensure(PlatformClient.Collection.POS, p.code(), () -> {
                Map<String, Object> f = fields("name", p.name(), "code", p.code(),
                        "clientId", clientIds.get(p.clientCode()), "regionId", regionIds.get(p.region().code()),
                        "address", p.address(), "latitude", p.latitude(), "longitude", p.longitude());
                f.putAll(fields("openingHours", p.openingHours(), "cleaningTimes", p.cleaningTimes(),
                        "monitoringPackage", p.monitoringPackage(), "slaLevel", p.slaLevel(),
                        "phone", "+7 800 555-" + p.code().substring(p.code().length() - 4),
                        "timeZone", p.region().zone().getId(), "version", 0));
                return f;
            }));
        });
        long seed = fleet.spec().seed();
        each(fleet.machines(), m -> {
            long id = ensure(PlatformClient.Collection.EQUIPMENT, m.serial(),
                    () -> fields("modelId", modelIds.get(m.model()), "serialNumber", m.serial(),
                            "posId", posIds.get(m.posCode()), "inventoryNumber", m.inventoryNumber(),
                            "host", sshHost, "sshPort", sshPort, "firmware", m.firmware(), "rented", m.rented(),
                            "attributes", Map.of("simulated", "true"), "version", 0));
            client.setTelemetrySecret(id, Secrets.telemetrySecret(seed, m.serial()));
        });
        return new Report(created.get(), existing.get());
    }

    /**
     * The same fleet through the bulk import ({@code POST /api/fleet/import}, admins): one row per machine (and per
     * point of sale without one), {@code rowsPerRequest} rows a request, each request one or a few transactions on
     * the platform instead of four requests per machine. Idempotent like {@link #seed}. Models get only their
     * family (the import's columns); cleaning times, SLA, firmware and attributes are left out.
     *
     * @return objects created, summed over the requests
     */
    public int importFleet(FleetModel fleet, int rowsPerRequest) {
        Map<String, ClientSpec> clients = new HashMap<>();
        fleet.clients().forEach(c -> clients.put(c.code(), c));
        Map<String, List<MachineSpec>> byPos = new HashMap<>();
        fleet.machines().forEach(m -> byPos.computeIfAbsent(m.posCode(), k -> new java.util.ArrayList<>()).add(m));
        long seed = fleet.spec().seed();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (PosSpec p : fleet.pointsOfSale()) {
            ClientSpec c = clients.get(p.clientCode());
            Map<String, Object> pos = fields("client", c.name(), "client_code", c.code(), "region", p.region().name(),
                    "pos_code", p.code(), "pos_name", p.name(), "address", p.address(), "latitude", p.latitude(),
                    "longitude", p.longitude(), "time_zone", p.region().zone().getId(), "monitoring_package",
                    p.monitoringPackage(), "phone", "+7 800 555-" + p.code().substring(p.code().length() - 4));
            pos.put("opening_hours", String.join(";", p.openingHours().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            List<MachineSpec> machines = byPos.getOrDefault(p.code(), List.of());
            if (machines.isEmpty()) {
                rows.add(pos);
            }
            for (MachineSpec m : machines) {
                Map<String, Object> row = new LinkedHashMap<>(pos);
                row.putAll(fields("family", fleet.profileOf(m).family(), "model", m.model(), "serial", m.serial(),
                        "inventory_number", m.inventoryNumber(), "host", sshHost, "ssh_port", sshPort, "secret",
                        Secrets.telemetrySecret(seed, m.serial())));
                rows.add(row);
            }
        }
        int made = 0;
        for (int i = 0; i < rows.size(); i += rowsPerRequest) {
            var created = client.importFleet(rows.subList(i, Math.min(rows.size(), i + rowsPerRequest)))
                    .path("created");
            for (var count : (Iterable<com.fasterxml.jackson.databind.JsonNode>) created::elements) {
                made += count.asInt();
            }
        }
        return made;
    }

    private <T> void each(List<T> items, Consumer<T> action) {
        if (parallelism == 1) {
            items.forEach(action);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            pool.submit(() -> items.parallelStream().forEach(action)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(0, null, "seeding interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new PlatformException(0, null, "seeding failed: " + e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private long ensure(PlatformClient.Collection c, String key, Supplier<Map<String, Object>> fields) {
        for (int attempt = 1;; attempt++) {
            try {
                return ensureOnce(c, key, fields);
            } catch (PlatformException e) {
                // No answer (time-out, connection reset: status 0) on a busy platform: the request may or may not
                // have been applied, and as each attempt looks the key up before creating, repeating it is safe.
                if (e.status() != 0 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private long ensureOnce(PlatformClient.Collection c, String key, Supplier<Map<String, Object>> fields) {
        Optional<Long> found = client.find(c, key);
        if (found.isPresent()) {
            existing.incrementAndGet();
            return found.get();
        }
        created.incrementAndGet();
        return client.create(c, fields.get());
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
