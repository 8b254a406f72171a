package org.coffeecontrol.core.internal.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.DriverInfo;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.telemetry.DeadLetter;
import org.coffeecontrol.api.telemetry.DriverStatus;
import org.coffeecontrol.api.telemetry.IngestCounters;
import org.coffeecontrol.api.telemetry.IngestResult;
import org.coffeecontrol.api.telemetry.IngestResult.Status;
import org.coffeecontrol.api.telemetry.ReplayResult;
import org.coffeecontrol.api.telemetry.StoredEvent;
import org.coffeecontrol.api.telemetry.TelemetryListener;
import org.coffeecontrol.api.telemetry.TelemetryService;
import org.coffeecontrol.core.internal.db.CoreDatabase;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machine batch → authenticated machine → family driver → group-committed events. Drivers come and go at runtime
 * (hot deploy): a family without a driver is not an error, its batches wait as dead letters until one appears.
 */
@Component(service = { TelemetryService.class, TelemetryServiceImpl.class })
public class TelemetryServiceImpl implements TelemetryService {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryServiceImpl.class);
    static final long COMMIT_TIMEOUT_SECONDS = 30;
    static final Role[] OPERATIONS = { Role.OPERATOR, Role.TECH_SUPPORT };

    private final CoreDatabase db;
    private final CatalogService catalog;
    private final MachineDirectory directory;
    private final DeadLetterStore deadLetters;
    private final EventWriter writer;
    private final JdbcEventLog eventLog;
    private final Map<String, MachineDriver> drivers = new ConcurrentHashMap<>();
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private final List<TelemetryListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final class Counters {
        final AtomicLong batches = new AtomicLong();
        final AtomicLong stored = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong deadLetters = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong unknown = new AtomicLong();
        final AtomicLong unauthorized = new AtomicLong();
    }

    /** One writer flushes its log while the other fills its batch; more only help with more cores. */
    static final int WRITER_PARTITIONS = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));

    @Activate
    public TelemetryServiceImpl(@Reference CoreDatabase db, @Reference CatalogService catalog) {
        this.db = db;
        this.catalog = catalog;
        this.directory = new MachineDirectory(db.dataSource());
        this.deadLetters = new DeadLetterStore(db.dataSource());
        this.eventLog = new JdbcEventLog(db.dataSource());
        this.writer = new EventWriter(db.dataSource(), WRITER_PARTITIONS, 20_000, 20_000, this::notifyListeners);
    }

    @Deactivate
    void deactivate() {
        writer.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDriver(MachineDriver driver) {
        String family = familyOf(driver);
        if (family != null) {
            drivers.put(family, driver);
            LOG.info("Driver for family '{}' attached: {}", family, driver.info().displayName());
        }
    }

    public void removeDriver(MachineDriver driver) {
        String family = familyOf(driver);
        if (family != null && drivers.remove(family, driver)) {
            LOG.info("Driver for family '{}' detached", family);
        }
    }

    private static String familyOf(MachineDriver driver) {
        try {
            return driver.info().family().toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a driver whose info() failed", e);
            return null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(TelemetryListener l) {
        listeners.add(l);
    }

    public void removeListener(TelemetryListener l) {
        listeners.remove(l);
    }

    private void notifyListeners(Map<Long, List<MachineEvent>> events) {
        events.values().removeIf(List::isEmpty);
        if (events.isEmpty()) {
            return;
        }
        Map<Long, List<MachineEvent>> view = java.util.Collections.unmodifiableMap(events);
        for (TelemetryListener l : listeners) {
            try {
                l.eventsStored(view);
            } catch (RuntimeException e) {
                LOG.warn("Telemetry listener {} failed", l.getClass().getName(), e);
            }
        }
    }

    private Counters counters(String family) {
        return counters.computeIfAbsent(family, f -> new Counters());
    }

    @Override
    public IngestResult ingest(String family, String serial, String secret, String contentType, byte[] body) {
        String fam = family == null ? "" : family.toLowerCase(Locale.ROOT);
        if (fam.isEmpty() || fam.length() > 50 || serial == null || serial.isEmpty() || serial.length() > 100) {
            return IngestResult.failed(Status.UNKNOWN_MACHINE, null, "family and serial are required");
        }
        if (body == null || body.length > MAX_BATCH_BYTES) {
            return IngestResult.failed(Status.TOO_LARGE, null,
                    "batch larger than " + MAX_BATCH_BYTES + " bytes; split it");
        }
        Counters count = counters(fam);
        count.batches.incrementAndGet();
        MachineDirectory.Machine machine;
        try {
            machine = directory.find(fam, serial);
        } catch (SQLException e) {
            throw new IllegalStateException("machine directory unavailable: " + e.getMessage(), e);
        }
        if (machine == null) {
            count.unknown.incrementAndGet();
            return keep(fam, serial, null, contentType, Status.UNKNOWN_MACHINE,
                    "no " + fam + " machine with serial '" + serial + "' is registered", body);
        }
        if (!MachineDirectory.secretMatches(machine, secret)) {
            count.unauthorized.incrementAndGet();
            return IngestResult.failed(Status.UNAUTHORIZED, null, "missing or wrong machine secret");
        }
        return decodeAndStore(fam, serial, machine.id(), contentType, body, null);
    }

    /** The part shared by live ingest and replay; {@code deadLetterId} is set when replaying. */
    private IngestResult decodeAndStore(String family, String serial, long equipmentId, String contentType,
            byte[] body, Long deadLetterId) {
        Counters count = counters(family);
        MachineDriver driver = drivers.get(family);
        if (driver == null) {
            String reason = "no driver installed for family '" + family + "'";
            if (deadLetterId != null) {
                return IngestResult.failed(Status.DEAD_LETTERED, deadLetterId, reason);
            }
            count.deadLetters.incrementAndGet();
            return keep(family, serial, equipmentId, contentType, Status.DEAD_LETTERED, reason, body);
        }
        DecodeResult decoded;
        try {
            decoded = driver.decode(new TelemetryBatch(family, serial, contentType, body));
        } catch (RuntimeException e) {
            // The SPI forbids this; a broken driver must still not lose the payload.
            decoded = DecodeResult.rejected("driver failed: " + e);
            LOG.warn("Driver for {} threw on decode", family, e);
        }
        if (decoded instanceof DecodeResult.Rejected r) {
            if (deadLetterId != null) {
                return IngestResult.failed(Status.REJECTED, deadLetterId, r.reason());
            }
            count.rejected.incrementAndGet();
            return keep(family, serial, equipmentId, contentType, Status.REJECTED, r.reason(), body);
        }
        List<MachineEvent> events = ((DecodeResult.Decoded) decoded).events();
        String invalid = validate(events);
        if (invalid != null) {
            if (deadLetterId != null) {
                return IngestResult.failed(Status.REJECTED, deadLetterId, invalid);
            }
            count.rejected.incrementAndGet();
            return keep(family, serial, equipmentId, contentType, Status.REJECTED, invalid, body);
        }
        EventWriter.Outcome outcome = store(equipmentId, events);
        count.stored.addAndGet(outcome.accepted());
        count.duplicates.addAndGet(outcome.duplicates());
        long lastSeq = events.stream().mapToLong(MachineEvent::seq).max().orElse(-1);
        return new IngestResult(Status.STORED, outcome.accepted(), outcome.duplicates(), lastSeq, deadLetterId,
                "stored");
    }

    /** Core's own guard behind the drivers': nothing that would break a row or a report gets in. */
    static String validate(List<MachineEvent> events) {
        for (MachineEvent e : events) {
            if (e == null || e.time() == null) {
                return "event without a time";
            }
            if (e.seq() < 0) {
                return "negative sequence number " + e.seq();
            }
            int year = e.time().atZone(java.time.ZoneOffset.UTC).getYear();
            if (year < 2000 || year > 2100) {
                return "event " + e.seq() + " has an implausible time " + e.time();
            }
        }
        return null;
    }

    private EventWriter.Outcome store(long equipmentId, List<MachineEvent> events) {
        try {
            CompletableFuture<EventWriter.Outcome> f = writer.submit(equipmentId, events, 5_000);
            if (f == null) {
                throw new OverloadedException("ingest queue full; retry later");
            }
            return f.get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new OverloadedException("events not stored: " + e.getMessage());
        }
    }

    /** The platform cannot take the batch right now; nothing was acknowledged, the machine resends later. */
    public static final class OverloadedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverloadedException(String message) {
            super(message);
        }
    }

    private IngestResult keep(String family, String serial, Long equipmentId, String contentType, Status cause,
            String reason, byte[] body) {
        try {
            long id = deadLetters.keep(family, serial, equipmentId, contentType, cause, reason, body);
            return IngestResult.failed(cause, id, reason);
        } catch (SQLException e) {
            throw new OverloadedException("could not keep the payload: " + e.getMessage());
        }
    }

    @Override
    public java.util.Optional<org.coffeecontrol.api.telemetry.PolledMachine> authenticate(String family, String serial,
            String secret) {
        String fam = family == null ? "" : family.toLowerCase(Locale.ROOT);
        if (fam.isEmpty() || fam.length() > 50 || serial == null || serial.isEmpty() || serial.length() > 100) {
            return java.util.Optional.empty();
        }
        MachineDirectory.Machine machine;
        try {
            machine = directory.find(fam, serial);
        } catch (SQLException e) {
            throw new OverloadedException("machine directory unavailable: " + e.getMessage());
        }
        if (machine == null || !MachineDirectory.secretMatches(machine, secret)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new org.coffeecontrol.api.telemetry.PolledMachine(machine.id(), fam, serial));
    }

    @Override
    public void setMachineSecret(Caller caller, long equipmentId, String secret) {
        caller.require("set machine secrets", Role.SERVICE_ADMIN, Role.TECH_SUPPORT);
        catalog.equipment(caller, equipmentId);
        MachineSecret.check("secret", secret);
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE cc_equipment SET telemetry_secret_hash = ? WHERE id = ?")) {
            ps.setString(1, MachineSecret.hash(secret));
            ps.setLong(2, equipmentId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        directory.forget();
    }

    @Override
    public Page<DeadLetter> deadLetters(Caller caller, String family, DeadLetter.State state, PageRequest page) {
        caller.require("see dead letters", OPERATIONS);
        try {
            return deadLetters.list(family == null ? null : family.toLowerCase(Locale.ROOT), state, page);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public DeadLetter deadLetter(Caller caller, long id) {
        return stored(caller, id).letter();
    }

    @Override
    public byte[] deadLetterPayload(Caller caller, long id) {
        return stored(caller, id).payload();
    }

    private DeadLetterStore.Stored stored(Caller caller, long id) {
        caller.require("see dead letters", OPERATIONS);
        try {
            DeadLetterStore.Stored s = deadLetters.get(id);
            if (s == null) {
                throw new NotFoundException("dead letter", id);
            }
            return s;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ReplayResult replay(Caller caller, long id) {
        caller.require("replay dead letters", OPERATIONS);
        stored(caller, id);
        return replayIds(List.of(id));
    }

    @Override
    public ReplayResult replayAll(Caller caller, String family) {
        caller.require("replay dead letters", OPERATIONS);
        try {
            return replayIds(deadLetters.pendingIds(family == null ? null : family.toLowerCase(Locale.ROOT), 100_000));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReplayResult replayIds(List<Long> ids) {
        int replayed = 0;
        int pending = 0;
        long events = 0;
        List<String> problems = new ArrayList<>();
        for (long id : ids) {
            try {
                DeadLetterStore.Stored s = deadLetters.get(id);
                if (s == null || s.letter().state() == DeadLetter.State.REPLAYED) {
                    continue;
                }
                DeadLetter d = s.letter();
                MachineDirectory.Machine m = directory.find(d.family(), d.serial());
                IngestResult r = m == null
                        ? IngestResult.failed(Status.UNKNOWN_MACHINE, id,
                                "no " + d.family() + " machine with serial '" + d.serial() + "' is registered")
                        : decodeAndStore(d.family(), d.serial(), m.id(), d.contentType(), s.payload(), id);
                if (r.status() == Status.STORED) {
                    deadLetters.markReplayed(id);
                    replayed++;
                    events += r.accepted();
                } else {
                    deadLetters.stillPending(id, r.status(), r.message());
                    pending++;
                    if (problems.size() < 20) {
                        problems.add("#" + id + ": " + r.message());
                    }
                }
            } catch (SQLException e) {
                pending++;
                problems.add("#" + id + ": " + e.getMessage());
            }
        }
        return new ReplayResult(replayed, pending, events, problems);
    }

    @Override
    public int purge(Caller caller, Long id) {
        caller.require("purge dead letters", Role.TECH_SUPPORT);
        try {
            return deadLetters.purge(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<StoredEvent> lastEvents(Caller caller, long equipmentId, int limit) {
        catalog.equipment(caller, equipmentId);
        return eventLog.last(equipmentId, Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public List<DriverStatus> drivers() {
        List<DriverStatus> out = new ArrayList<>();
        drivers.forEach((family, d) -> {
            try {
                DriverInfo info = d.info();
                Bundle b = FrameworkUtil.getBundle(d.getClass());
                out.add(new DriverStatus(family, info.displayName(), info.version(), info.contentType(),
                        info.capabilities(), b == null ? "-" : b.getSymbolicName() + " " + b.getVersion(),
                        d.commands().size()));
            } catch (RuntimeException e) {
                LOG.warn("Driver {} failed to describe itself", family, e);
            }
        });
        out.sort(Comparator.comparing(DriverStatus::family));
        return out;
    }

    public int backlog() {
        return writer.backlog();
    }

    @Override
    public List<IngestCounters> counters() {
        List<IngestCounters> out = new ArrayList<>();
        counters.forEach((f, c) -> out.add(new IngestCounters(f, c.batches.get(), c.stored.get(), c.duplicates.get(),
                c.deadLetters.get(), c.rejected.get(), c.unknown.get(), c.unauthorized.get())));
        out.sort(Comparator.comparing(IngestCounters::family));
        return out;
    }
}
