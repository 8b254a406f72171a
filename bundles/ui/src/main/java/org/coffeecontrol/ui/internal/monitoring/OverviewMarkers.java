package org.coffeecontrol.ui.internal.monitoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.PosOverview;
import org.coffeecontrol.ui.internal.services.ServiceSource;

/**
 * The overview map's markers as one shared, gzip'd snapshot per client visibility, rebuilt at most every
 * {@link #MAX_AGE_MILLIS}: every open overview tab and every page load reads the same bytes instead of building a
 * 10,000-marker payload per request. The browser fetches them over HTTP ({@link OverviewMarkersHandler}), in parallel
 * with Vaadin's own bootstrap, and reports back the version it drew, so that the view recolours from exactly what
 * the browser shows.
 * <p>
 * Payload: {@code {"v": version, "colors": {status: colour, ... best to worst}, "points": [[id, lat, lng, status],
 * ...], "names": [...]}}, names in the order of the points (for the tooltip).
 */
public final class OverviewMarkers {
    /** Fresh enough for a first paint: the view's live refresh (every 5 s) recolours what changed since. */
    static final long MAX_AGE_MILLIS = 2000;
    /** Versions a tab may still report having drawn: a page load takes seconds, not tens of them. */
    private static final int KEPT_VERSIONS = 8;

    private final ServiceSource services;
    private final LongSupplier clock;
    private final AtomicLong versions = new AtomicLong();
    /** Per visibility (all clients, or a set of client ids): the newest snapshot first. */
    private final Map<Visibility, Deque<Snapshot>> byVisibility = new ConcurrentHashMap<>();

    public OverviewMarkers(ServiceSource services) {
        this(services, System::currentTimeMillis);
    }

    OverviewMarkers(ServiceSource services, LongSupplier clock) {
        this.services = services;
        this.clock = clock;
    }

    /** Who sees the same markers: the overview filters by client visibility only. */
    record Visibility(boolean allClients, Set<Long> clientIds) {
        static Visibility of(Caller caller) {
            return caller.allClients() ? new Visibility(true, Set.of())
                    : new Visibility(false, new TreeSet<>(caller.clientIds()));
        }
    }

    /** One built payload and the statuses it shows, by POS id. */
    record Snapshot(long version, Visibility visibility, long builtAt, Map<Long, MachineStatus> statuses,
            byte[] gzipped, int size) {

        String json() {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The newest snapshot the caller may see, rebuilt when older than {@link #MAX_AGE_MILLIS}. */
    Snapshot current(Caller caller) {
        Visibility key = Visibility.of(caller);
        Deque<Snapshot> kept = byVisibility.computeIfAbsent(key, k -> new ArrayDeque<>());
        // One build per visibility at a time: tabs loading together wait for it instead of each building their own.
        synchronized (kept) {
            Snapshot newest = kept.peekFirst();
            long now = clock.getAsLong();
            if (newest != null && now - newest.builtAt() < MAX_AGE_MILLIS) {
                return newest;
            }
            Snapshot built = build(caller, key, now);
            kept.addFirst(built);
            while (kept.size() > KEPT_VERSIONS) {
                kept.removeLast();
            }
            return built;
        }
    }

    /** The snapshot of that version if the caller may see it and it is still kept; else null. */
    Snapshot version(Caller caller, long version) {
        Deque<Snapshot> kept = byVisibility.get(Visibility.of(caller));
        if (kept == null) {
            return null;
        }
        synchronized (kept) {
            return kept.stream().filter(s -> s.version() == version).findFirst().orElse(null);
        }
    }

    private Snapshot build(Caller caller, Visibility key, long now) {
        List<PosOverview> all = Monitoring.service(services).overview(caller);
        long version = versions.incrementAndGet();
        Map<Long, MachineStatus> statuses = new HashMap<>();
        StringBuilder json = new StringBuilder(all.size() * 56 + 128).append("{\"v\":").append(version)
                .append(",\"colors\":{");
        MachineStatus[] order = MachineStatus.values();
        for (int i = 0; i < order.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(order[i].name()).append("\":\"")
                    .append(Monitoring.colour(order[i])).append('"');
        }
        json.append("},\"points\":[");
        StringBuilder names = new StringBuilder(all.size() * 24).append("],\"names\":[");
        for (PosOverview p : all) {
            if (p.latitude() == null || p.longitude() == null) {
                continue;
            }
            boolean first = statuses.isEmpty();
            statuses.put(p.posId(), p.status());
            json.append(first ? "[" : ",[").append(p.posId()).append(',').append(p.latitude()).append(',')
                    .append(p.longitude()).append(",\"").append(p.status().name()).append("\"]");
            names.append(first ? "" : ",");
            Monitoring.json(names, p.name());
        }
        json.append(names).append("]}");
        byte[] raw = json.toString().getBytes(StandardCharsets.UTF_8);
        return new Snapshot(version, key, now, Map.copyOf(statuses), gzip(raw), raw.length);
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        // The fastest level: rebuilt every few seconds on a busy server, and 4x smaller already (600 KB to 140 KB).
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
