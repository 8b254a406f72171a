package org.coffeecontrol.monitoring.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.mail.MailMessage;
import org.coffeecontrol.api.mail.MailService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserAccount;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.api.telemetry.EventLog;
import org.coffeecontrol.api.telemetry.MergingEventQueue;
import org.coffeecontrol.api.telemetry.TelemetryListener;
import org.coffeecontrol.monitoring.api.DrinksSold;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalQuery;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.NewJournalEntry;
import org.coffeecontrol.monitoring.api.Notification;
import org.coffeecontrol.monitoring.api.PosOverview;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemListener;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.monitoring.api.Scope;
import org.coffeecontrol.monitoring.api.Subscription;
import org.coffeecontrol.monitoring.api.Uptime;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring service. The {@link Engine} runs on one thread of its own, fed by a {@link TelemetryListener}
 * and a periodic sweep; reads come from its published states and from the database on the caller's thread.
 * Visibility: single objects are checked through {@link CatalogService} with the caller (so the catalogue's rules
 * apply); lists are filtered by the caller's clients.
 */
@Component(service = { MonitoringService.class, HealthCheck.class }, configurationPid = MonitoringConfig.PID, immediate = true)
@Designate(ocd = MonitoringConfig.class)
public class MonitoringServiceImpl implements MonitoringService, HealthCheck, Audience {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringServiceImpl.class);
    private static final int MAX_TEXT = 500;

    private final DataSource dataSource;
    private final CatalogService catalog;
    private final UserService users;
    private final Clock clock;
    private final Engine engine;
    private ScheduledThreadPoolExecutor executor;
    /** Batches that arrive while the engine is busy are applied together: one transaction, not one per commit. */
    private MergingEventQueue incoming;
    private ScheduledExecutorService mailExecutor;
    private ServiceRegistration<TelemetryListener> listener;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MailService mail;

    /** Tickets and others hear of problems here; optional, so removing them leaves monitoring running. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<ProblemListener> problemListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ExecutorService listenerExecutor;

    @Activate
    public MonitoringServiceImpl(BundleContext context, MonitoringConfig config,
            @Reference(target = "(dataSourceName=coffee)") DataSource dataSource, @Reference EventLog eventLog,
            @Reference CatalogService catalog, @Reference UserService users) throws SQLException {
        this(dataSource, eventLog, catalog, users, Settings.from(config), Clock.systemUTC());
        executor = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "coffee-monitoring"));
        incoming = new MergingEventQueue(executor, batch -> guarded("events", () -> engine.apply(batch)).run());
        mailExecutor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coffee-monitoring-mail"));
        listenerExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "coffee-monitoring-listeners"));
        // Registered before the start task is queued: whatever core commits from now on reaches the engine through
        // the listener, everything older through the start's replay; the engine drops the overlap by sequence.
        listener = context.registerService(TelemetryListener.class, this::eventsStored, null);
        executor.execute(guarded("start", engine::start));
        long sweep = engine.settings().sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(guarded("sweep", engine::sweep), sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Without threads: tests drive the engine directly. */
    MonitoringServiceImpl(DataSource dataSource, EventLog eventLog, CatalogService catalog, UserService users,
            Settings settings, Clock clock) throws SQLException {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.users = users;
        this.clock = clock;
        SchemaMigration.migrate(dataSource, SchemaMigration.SCRIPTS);
        this.engine = new Engine(dataSource, eventLog, settings, () -> Fleet.load(catalog), this, clock);
    }

    Engine engine() {
        return engine;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (listener != null) {
            listener.unregister();
        }
        executor.shutdown();
        mailExecutor.shutdown();
        listenerExecutor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        mailExecutor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void eventsStored(Map<Long, List<MachineEvent>> events) {
        incoming.add(events);
    }

    /** A scheduled task that throws is never run again: log and carry on instead. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Monitoring {} failed", what, e);
            }
        };
    }

    // ---- HealthCheck ----------------------------------------------------------------------------------------------

    @Override
    public String name() {
        return "monitoring";
    }

    /** DEGRADED when the engine falls behind: sweeps late or event batches piling up on its thread. */
    @Override
    public HealthStatus check() {
        Collection<MachineState> states = engine.states();
        long online = states.stream().filter(MachineState::online).count();
        long problems = states.stream().mapToLong(s -> s.openProblems().size()).sum();
        int backlog = executor == null ? 0 : executor.getQueue().size() + incoming.pendingBatches();
        Instant last = engine.lastSweep();
        Map<String, Object> details = new HashMap<>();
        details.put("machines", states.size());
        details.put("online", online);
        details.put("openProblems", problems);
        details.put("backlog", backlog);
        details.put("lastSweep", String.valueOf(last));
        java.time.Duration late = engine.settings().sweepInterval().multipliedBy(4);
        if (last == null || last.plus(late).isBefore(clock.instant()) || backlog > 1000) {
            return new HealthStatus(HealthStatus.State.DEGRADED, last == null ? "starting" : "falling behind",
                    details);
        }
        return HealthStatus.up(online + " of " + states.size() + " machines online", details);
    }

    // ---- Audience -----------------------------------------------------------------------------------------------

    @Override
    public boolean maySee(String username, long clientId) {
        return users.callerFor(username).map(c -> c.canSeeClient(clientId)).orElse(false);
    }

    @Override
    public void send(List<Email> emails) {
        MailService sender = mail;
        if (sender == null) {
            LOG.debug("No mail server configured ({}); {} e-mails not sent", "org.coffeecontrol.mail", emails.size());
        } else if (mailExecutor == null) {
            deliver(sender, emails); // the thread-less test set-up
        } else {
            // a slow SMTP server must not hold up the engine thread
            mailExecutor.execute(() -> deliver(sender, emails));
        }
    }

    @Override
    public void problemsChanged(List<Problem> opened, List<Problem> closed) {
        if (problemListeners.isEmpty()) {
            return;
        }
        // One thread keeps the order (an opening before its closing); a slow listener never holds up the engine.
        Runnable tell = () -> {
            for (ProblemListener l : problemListeners) {
                for (Problem p : opened) {
                    tellOne(l, p, true);
                }
                for (Problem p : closed) {
                    tellOne(l, p, false);
                }
            }
        };
        if (listenerExecutor == null) {
            tell.run(); // the thread-less test set-up
        } else {
            listenerExecutor.execute(tell);
        }
    }

    private static void tellOne(ProblemListener listener, Problem p, boolean opened) {
        try {
            if (opened) {
                listener.opened(p);
            } else {
                listener.closed(p);
            }
        } catch (RuntimeException e) {
            LOG.warn("Problem listener {} failed on problem {}: {}", listener.getClass().getName(), p.id(),
                    e.getMessage(), e);
        }
    }

    void deliver(MailService sender, List<Email> emails) {
        for (Email e : emails) {
            String address;
            try {
                UserAccount account = users.user(Caller.system(), e.username());
                address = account.email();
            } catch (RuntimeException notFound) {
                continue;
            }
            if (address == null || address.isBlank()) {
                continue;
            }
            try {
                sender.send(MailMessage.of(address, e.subject(), e.body()));
            } catch (RuntimeException failed) {
                LOG.warn("E-mail to {} failed: {}", e.username(), failed.getMessage());
            }
        }
    }

    // ---- live state -----------------------------------------------------------------------------------------

    @Override
    public ZoneId zone() {
        return engine.settings().zone();
    }

    @Override
    public Map<Long, ZoneId> posZones(Caller caller) {
        Map<Long, ZoneId> zones = new HashMap<>();
        for (Fleet.Pos p : engine.fleet().pointsOfSale()) {
            if (p.ownZone() != null && caller.canSeeClient(p.clientId())) {
                zones.put(p.id(), p.ownZone());
            }
        }
        return zones;
    }

    @Override
    public List<PosOverview> overview(Caller caller) {
        Fleet fleet = engine.fleet();
        Map<Long, List<MachineState>> byPos = engine.states().stream().filter(s -> s.posId() != null)
                .collect(Collectors.groupingBy(MachineState::posId));
        List<PosOverview> out = new ArrayList<>();
        for (Fleet.Pos p : fleet.pointsOfSale()) {
            if (!caller.canSeeClient(p.clientId())) {
                continue;
            }
            List<MachineState> states = byPos.getOrDefault(p.id(), List.of());
            MachineStatus worst = MachineStatus.CLOSED;
            int online = 0;
            int problems = 0;
            for (MachineState s : states) {
                worst = MachineStatus.worse(worst, s.status());
                online += s.online() ? 1 : 0;
                problems += s.openProblems().size();
            }
            out.add(new PosOverview(p.id(), p.name(), p.code(), p.clientId(), p.latitude(), p.longitude(), worst,
                    states.size(), online, problems));
        }
        out.sort(Comparator.comparing(PosOverview::name, Comparator.nullsLast(String::compareToIgnoreCase)));
        return out;
    }

    @Override
    public List<MachineState> machines(Caller caller, Long posId) {
        if (posId != null) {
            catalog.pointOfSale(caller, posId);
        }
        return engine.states().stream()
                .filter(s -> posId == null ? visible(caller, s.clientId()) : posId.equals(s.posId()))
                .sorted(Comparator.comparing(MachineState::serialNumber, Comparator.nullsLast(String::compareTo)))
                .toList();
    }

    @Override
    public MachineState machine(Caller caller, long equipmentId) {
        Equipment e = catalog.equipment(caller, equipmentId);
        MachineState s = engine.state(equipmentId);
        if (s != null) {
            return s;
        }
        // Registered after the last catalogue reload: known to the catalogue, not yet to monitoring.
        return new MachineState(e.id(), e.serialNumber(), e.posId(), null, MachineStatus.CLOSED, false, null, null,
                null, null, null, Map.of(), Map.of(), List.of(), List.of());
    }

    /** Machines not at any POS belong to no client: only those who see every client see them. */
    private static boolean visible(Caller caller, Long clientId) {
        return clientId == null ? caller.allClients() : caller.canSeeClient(clientId);
    }

    @Override
    public Page<Problem> problems(Caller caller, ProblemQuery q) {
        if (q.equipmentId() != null) {
            catalog.equipment(caller, q.equipmentId());
        }
        if (q.posId() != null) {
            catalog.pointOfSale(caller, q.posId());
        }
        if (q.clientId() != null) {
            catalog.client(caller, q.clientId());
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Long> args = new ArrayList<>();
        filter(where, args, "equipment_id", q.equipmentId());
        filter(where, args, "pos_id", q.posId());
        filter(where, args, "client_id", q.clientId());
        if (q.openOnly()) {
            where.append(" AND end_time IS NULL");
        }
        if (!caller.allClients()) {
            if (caller.clientIds().isEmpty()) {
                return Page.of(List.of(), 0, q.page());
            }
            where.append(" AND client_id IN (")
                    .append(caller.clientIds().stream().map(x -> "?").collect(Collectors.joining(","))).append(')');
            args.addAll(caller.clientIds());
        }
        return Sql.read(dataSource, c -> {
            long total = Sql.count(c, "SELECT COUNT(*) FROM cc_mon_problem" + where, args);
            List<Problem> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + StateStore.PROBLEM_COLUMNS
                    + " FROM cc_mon_problem" + where + " ORDER BY start_time DESC, id DESC OFFSET ? ROWS "
                    + "FETCH NEXT ? ROWS ONLY")) {
                bind(ps, args);
                ps.setInt(args.size() + 1, q.page().offset());
                ps.setInt(args.size() + 2, q.page().limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(StateStore.problem(rs, engine::serial));
                    }
                }
            }
            return Page.of(items, total, q.page());
        });
    }

    private static void filter(StringBuilder where, List<Long> args, String column, Long value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void bind(PreparedStatement ps, List<Long> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setLong(i + 1, args.get(i));
        }
    }

    // ---- figures --------------------------------------------------------------------------------------------

    @Override
    public Uptime uptime(Caller caller, Scope scope, LocalDate from, LocalDate to) {
        Figures.checkPeriod(from, to);
        Collection<Fleet.Machine> machines = machinesIn(caller, scope);
        return Sql.read(dataSource, c -> Figures.uptime(c, engine.fleet(), zone(), scope, machines, from, to,
                clock.instant()));
    }

    @Override
    public DrinksSold drinks(Caller caller, Scope scope, LocalDate from, LocalDate to) {
        Figures.checkPeriod(from, to);
        checkVisible(caller, scope);
        String column = switch (scope.kind()) {
            case EQUIPMENT -> "equipment_id";
            case POS -> "pos_id";
            case CLIENT -> "client_id";
            case FLEET -> null;
        };
        Set<Long> clients = caller.allClients() ? null : caller.clientIds();
        return Sql.read(dataSource, c -> Figures.drinks(c, scope, column, clients, from, to));
    }

    private void checkVisible(Caller caller, Scope scope) {
        switch (scope.kind()) {
            case EQUIPMENT -> catalog.equipment(caller, scope.id());
            case POS -> catalog.pointOfSale(caller, scope.id());
            case CLIENT -> catalog.client(caller, scope.id());
            case FLEET -> {
            }
        }
    }

    private Collection<Fleet.Machine> machinesIn(Caller caller, Scope scope) {
        checkVisible(caller, scope);
        Fleet fleet = engine.fleet();
        if (scope.kind() == Scope.Kind.EQUIPMENT) {
            Fleet.Machine m = fleet.machine(scope.id());
            if (m == null) {
                Equipment e = catalog.equipment(caller, scope.id());
                m = new Fleet.Machine(e.id(), e.serialNumber(), e.posId());
            }
            return List.of(m);
        }
        return fleet.machines().stream().filter(m -> {
            Fleet.Pos pos = fleet.pos(m.posId());
            if (pos == null) {
                return false;
            }
            return switch (scope.kind()) {
                case POS -> pos.id() == scope.id();
                case CLIENT -> pos.clientId() == scope.id();
                default -> caller.canSeeClient(pos.clientId());
            };
        }).toList();
    }

    // ---- journal --------------------------------------------------------------------------------------------

    @Override
    public Page<JournalEntry> journal(Caller caller, JournalQuery q) {
        if (q.equipmentId() != null) {
            catalog.equipment(caller, q.equipmentId());
            return Sql.read(dataSource, c -> JournalStore.list(c, "equipment_id", q.equipmentId(), q.page(),
                    engine::serial));
        }
        if (q.posId() != null) {
            catalog.pointOfSale(caller, q.posId());
            return Sql.read(dataSource, c -> JournalStore.list(c, "pos_id", q.posId(), q.page(), engine::serial));
        }
        throw new ValidationException("posId", "give equipmentId or posId");
    }

    @Override
    public JournalEntry addJournalEntry(Caller caller, NewJournalEntry in) {
        caller.require("write journal entries", Role.OPERATOR, Role.SERVICE_ADMIN, Role.TECH_SUPPORT, Role.ENGINEER);
        if (in == null) {
            throw new ValidationException("entry", "is required");
        }
        Long posId = in.posId();
        String serial = null;
        if (in.equipmentId() != null) {
            Equipment e = catalog.equipment(caller, in.equipmentId());
            if (e.posId() == null) {
                throw new ValidationException("equipmentId", "the machine is in stock, not at a point of sale");
            }
            if (posId != null && !posId.equals(e.posId())) {
                throw new ValidationException("posId", "the machine stands at point of sale " + e.posId());
            }
            posId = e.posId();
            serial = e.serialNumber();
        }
        if (posId == null) {
            throw new ValidationException("posId", "give equipmentId or posId");
        }
        PointOfSale pos = catalog.pointOfSale(caller, posId);
        if (in.source() == null) {
            throw new ValidationException("source", "is required");
        }
        String problem = text("problem", in.problem(), MAX_TEXT, true);
        String ticket = text("ticketNumber", in.ticketNumber(), 50, in.source().ticketRequired());
        Instant now = clock.instant();
        Instant occurred = in.occurredAt() == null ? now : in.occurredAt();
        if (occurred.isAfter(now.plusSeconds(300))) {
            throw new ValidationException("occurredAt", "lies in the future");
        }
        long finalPosId = posId;
        String finalSerial = serial;
        return Sql.tx(dataSource, c -> {
            if (in.correctionOf() != null) {
                JournalEntry old = JournalStore.find(c, in.correctionOf(), engine::serial);
                if (old == null || old.posId() != finalPosId) {
                    throw new ValidationException("correctionOf", "entry " + in.correctionOf()
                            + " is not in the journal of this point of sale");
                }
            }
            JournalEntry entry = new JournalEntry(0, in.equipmentId(), finalSerial, finalPosId, occurred, now,
                    in.source(), problem, text("result", in.result(), MAX_TEXT, false), ticket, caller.username(),
                    text("applicant", in.applicant(), 200, false), text("sentBy", in.sentBy(), 200, false),
                    text("workedBy", in.workedBy(), 200, false), text("work", in.work(), 2000, false), null,
                    in.correctionOf(), null);
            long id = JournalStore.insert(c, entry, pos.clientId());
            return JournalStore.find(c, id, engine::serial);
        });
    }

    private static String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new ValidationException(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new ValidationException(field, "is longer than " + max + " characters");
        }
        return v;
    }

    // ---- notifications and subscriptions -----------------------------------------------------------------------

    @Override
    public Page<Notification> notifications(Caller caller, boolean unreadOnly, PageRequest page) {
        PageRequest p = page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page;
        return Sql.read(dataSource, c -> NotificationStore.list(c, caller.username(), unreadOnly, p));
    }

    @Override
    public long unreadNotifications(Caller caller) {
        return notifications(caller, true, PageRequest.first(1)).total();
    }

    @Override
    public int markRead(Caller caller, List<Long> ids) {
        List<Long> list = ids == null ? List.of() : ids;
        return Sql.tx(dataSource, c -> NotificationStore.markRead(c, caller.username(), list, clock.instant()));
    }

    @Override
    public int clearRead(Caller caller) {
        return Sql.tx(dataSource, c -> NotificationStore.clearRead(c, caller.username()));
    }

    @Override
    public List<Subscription> subscriptions(Caller caller) {
        Fleet fleet = engine.fleet();
        return Sql.read(dataSource, c -> NotificationStore.subscriptions(c, caller.username())).stream()
                .filter(r -> {
                    Fleet.Pos pos = fleet.pos(r.posId());
                    return pos == null || caller.canSeeClient(pos.clientId());
                })
                .map(r -> {
                    Fleet.Pos pos = fleet.pos(r.posId());
                    return new Subscription(caller.username(), r.posId(), pos == null ? null : pos.name(), r.email(),
                            r.since());
                }).toList();
    }

    @Override
    public Subscription subscribe(Caller caller, long posId, boolean email) {
        PointOfSale pos = catalog.pointOfSale(caller, posId);
        Instant since = Sql.tx(dataSource,
                c -> NotificationStore.subscribe(c, caller.username(), posId, email, clock.instant()));
        return new Subscription(caller.username(), posId, pos.name(), email, since);
    }

    @Override
    public boolean unsubscribe(Caller caller, long posId) {
        return Sql.tx(dataSource, c -> NotificationStore.unsubscribe(c, caller.username(), posId));
    }
}
