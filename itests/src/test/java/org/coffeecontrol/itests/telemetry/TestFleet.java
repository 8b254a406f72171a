package org.coffeecontrol.itests.telemetry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.itests.Distribution;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.HttpTelemetryTransport;
import org.coffeecontrol.simulator.platform.PlatformClient;
import org.coffeecontrol.simulator.platform.PlatformSeeder;
import org.coffeecontrol.simulator.platform.UploadResult;
import org.coffeecontrol.simulator.wire.WireEncoder;
import org.coffeecontrol.simulator.wire.WireEncoders;

/**
 * A simulated fleet registered in the running distribution, and its machines' daemons as the simulator plays them:
 * same generator, same wire encoders, same HTTP transport. Each test picks its own fleet seed, so serials (and
 * therefore stored events) never collide between tests sharing one distribution.
 */
public final class TestFleet {

    /** One HTTP/1.1 client for every daemon: a machine's daemon does not speak HTTP/2 either. */
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String restBase;
    private final FleetModel model;
    private final HttpTelemetryTransport transport;
    private final Map<String, Long> equipmentIds = new ConcurrentHashMap<>();

    private TestFleet(String restBase, FleetModel model) {
        this.restBase = restBase;
        this.model = model;
        this.transport = new HttpTelemetryTransport(URI.create(restBase), HTTP, Duration.ofSeconds(60));
    }

    /**
     * Registers the fleet (regions, clients, models, points of sale, machines, secrets) as admin, idempotently. Its
     * client and point-of-sale codes carry a prefix made of the seed, so no other test's fleet shares them.
     */
    public static TestFleet register(String restBase, long seed, int machines, int pointsOfSale) {
        return register(restBase, new FleetSpec(seed, machines, pointsOfSale, Math.min(3, pointsOfSale),
                "T" + Long.toString(Math.floorMod(seed, 2_000_000_000L), 36).toUpperCase(java.util.Locale.ROOT) + "-"));
    }

    /** Registers the fleet of {@code spec} as admin, idempotently. */
    public static TestFleet register(String restBase, FleetSpec spec) {
        awaitResources(restBase);
        FleetModel model = FleetModel.generate(spec);
        PlatformClient admin = new PlatformClient(URI.create(restBase), HTTP, "admin", Distribution.ADMIN_PASSWORD);
        new PlatformSeeder(admin, "127.0.0.1", 22).seed(model);
        return new TestFleet(restBase, model);
    }

    /**
     * Health answers before the JAX-RS whiteboard has taken every resource (it rebuilds the application as they
     * come, answering 404 meanwhile), in particular right after a restart: wait for the two this fleet needs.
     */
    private static void awaitResources(String restBase) {
        org.coffeecontrol.itests.Rest admin = org.coffeecontrol.itests.Rest.as(restBase, "admin",
                Distribution.ADMIN_PASSWORD);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (admin.get("/api/regions?limit=1").status() != 200
                || admin.get("/api/telemetry/drivers").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("catalogue or telemetry resources not registered after 2 minutes");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public FleetModel model() {
        return model;
    }

    public List<MachineSpec> machines() {
        return model.machines();
    }

    public MachineSpec first(String family) {
        return machines().stream().filter(m -> m.family().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalStateException("fleet has no " + family + " machine"));
    }

    public String secret(MachineSpec m) {
        return Secrets.telemetrySecret(model.spec().seed(), m.serial());
    }

    /** The machine's own event stream from {@code from}, exactly as the simulator would play it. */
    public EventGenerator generator(MachineSpec m, Instant from) {
        return model.generator(m.serial(), from);
    }

    public static WireEncoder encoder(MachineSpec m) {
        return WireEncoders.forFamily(m.family());
    }

    /** Posts the events in the machine's wire format, as its daemon does. */
    public UploadResult upload(MachineSpec m, List<MachineEvent> events) {
        WireEncoder enc = encoder(m);
        return transport.post(m.family(), m.serial(), secret(m), enc.contentType(), enc.encode(m.serial(), events));
    }

    /** The raw answer to any request on the ingest endpoint; {@code family} and {@code serial} are sent as given. */
    public Answer postRaw(String family, String serial, String authorization, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(restBase + "/api/telemetry/" + family + "/" + serial))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    public record Answer(int status, String body) {
    }

    /** The catalogue id of a machine of this fleet (looked up once). */
    public long equipmentId(org.coffeecontrol.itests.Rest admin, MachineSpec m) {
        return equipmentIds.computeIfAbsent(m.serial(), s -> {
            for (var item : admin.get("/api/equipment?q=" + s + "&limit=10").expect(200).json().path("items")) {
                if (s.equals(item.path("serialNumber").asText())) {
                    return item.path("id").asLong();
                }
            }
            throw new AssertionError("machine " + s + " is not registered");
        });
    }
}
