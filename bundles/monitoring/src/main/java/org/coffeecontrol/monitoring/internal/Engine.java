package org.coffeecontrol.monitoring.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.api.telemetry.EventLog;
import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.api.telemetry.MachineContact;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalSource;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.Notification;
import org.coffeecontrol.monitoring.api.NotificationKind;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every machine's live state from the event stream and turns it into detected problems, journal entries and
 * notifications. Not thread-safe by design: {@link #apply}, {@link #sweep} and {@link #start} must run on one
 * thread (the monitoring executor); readers use {@link #state} and {@link #states}, which are immutable copies.
 * <p>
 * Each call is one database transaction holding the state it changed, the problems, the drink rollup and the
 * journal together, so a restart resumes from a consistent snapshot and replays only core's newer events.
 */
final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    static final String SYSTEM = "system";
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Unknown machines trigger a catalogue reload, but a stray serial must not hammer the catalogue. */
    private static final Duration UNKNOWN_RELOAD_PAUSE = Duration.ofSeconds(5);

    private final DataSource dataSource;
    /** Core's stored events, replayed at start for what arrived while monitoring was stopped. */
    private final EventLog eventLog;
    private final Settings settings;
    private final Supplier<Fleet> fleetLoader;
    private final Audience audience;
    private final Clock clock;

    private final Map<Long, MachineLive> machines = new HashMap<>();
    private final Map<Long, MachineState> published = new ConcurrentHashMap<>();
    private volatile Fleet fleet = Fleet.EMPTY;
    private Instant fleetLoadedAt;
    private Instant startedAt;
    private volatile Instant lastSweep;

    /** What one transaction produced beyond the machine rows. */
    private final class Round {
        final Connection c;
        final Instant now;
        final Map<StateStore.DrinkKey, StateStore.DrinkCount> drinks = new HashMap<>();
        final List<Problem> opened = new ArrayList<>();
        final List<Problem> closed = new ArrayList<>();
        final Set<Long> openedIds = new java.util.HashSet<>();
        final List<Audience.Email> emails = new ArrayList<>();
        final Set<MachineLive> touched = new LinkedHashSet<>();

        Round(Connection c, Instant now) {
            this.c = c;
            this.now = now;
        }
    }

    Engine(DataSource dataSource, EventLog eventLog, Settings settings, Supplier<Fleet> fleetLoader,
            Audience audience, Clock clock) {
        this.dataSource = dataSource;
        this.eventLog = eventLog;
        this.settings = settings;
        this.fleetLoader = fleetLoader;
        this.audience = audience;
        this.clock = clock;
    }

    /** When the last sweep finished; null before the first. */
    Instant lastSweep() {
        return lastSweep;
    }

    Settings settings() {
        return settings;
    }

    Fleet fleet() {
        return fleet;
    }

    MachineState state(long equipmentId) {
        return published.get(equipmentId);
    }

    Collection<MachineState> states() {
        return published.values();
    }

    /** Loads the snapshot, then replays the events core stored after it (while monitoring was stopped). */
    void start() {
        startedAt = clock.instant();
        reloadFleet(startedAt);
        machines.clear();
        machines.putAll(Sql.read(dataSource, c -> StateStore.loadAll(c, this::serial)));
        int replayed = 0;
        for (MachineContact contact : eventLog.contacts()) {
            MachineLive m = machines.get(contact.equipmentId());
            long after = m == null ? -1 : m.lastSeq;
            if (contact.lastSeq() > after) {
                List<MachineEvent> tail = new ArrayList<>();
                eventLog.read(EventQuery.of(contact.equipmentId()).afterSeq(after),
                        e -> e.machineEvent().ifPresent(tail::add));
                apply(Map.of(contact.equipmentId(), tail), contact.lastSeen());
                replayed += tail.size();
            }
        }
        sweep();
        LOG.info("Monitoring started: {} machines, {} events replayed from the event store", machines.size(),
                replayed);
    }

    /** Newly stored events, per machine in sequence order, received now. */
    void apply(Map<Long, List<MachineEvent>> events) {
        apply(events, clock.instant());
    }

    private void apply(Map<Long, List<MachineEvent>> events, Instant receivedAt) {
        if (!events.keySet().stream().allMatch(id -> fleet.machine(id) != null)) {
            Instant now = clock.instant();
            if (fleetLoadedAt == null || Duration.between(fleetLoadedAt, now).compareTo(UNKNOWN_RELOAD_PAUSE) > 0) {
                reloadFleet(now);
            }
        }
        transaction(clock.instant(), r -> {
            for (Map.Entry<Long, List<MachineEvent>> e : events.entrySet()) {
                MachineLive m = live(e.getKey());
                process(r, m, e.getValue(), receivedAt);
            }
        });
    }

    /** The periodic check: confirms critical errors past the debounce time and finds silent machines. */
    void sweep() {
        Instant now = clock.instant();
        if (fleetLoadedAt == null || Duration.between(fleetLoadedAt, now).compareTo(settings.catalogRefresh()) >= 0) {
            reloadFleet(now);
        }
        transaction(now, r -> {
            for (Fleet.Machine fm : fleet.machines()) {
                MachineLive m = live(fm.id());
                confirmCriticalErrors(r, m, now);
                checkSilence(r, m, now);
                updateStatus(r, m, now);
            }
        });
        // Every state carries "online", which ages with the clock: republish all, not just the touched.
        for (MachineLive m : machines.values()) {
            publish(m, now);
        }
        lastSweep = now;
    }

    private interface RoundWork {
        void run(Round r) throws SQLException;
    }

    private void transaction(Instant now, RoundWork work) {
        Round round;
        try {
            round = Sql.tx(dataSource, c -> {
                Round r = new Round(c, now);
                work.run(r);
                notifyOpened(r);
                StateStore.saveAll(c, r.touched);
                StateStore.addDrinks(c, r.drinks);
                return r;
            });
        } catch (RuntimeException e) {
            // The in-memory state ran ahead of what was committed: start over from the database.
            LOG.warn("Monitoring update failed, reloading state: {}", e.getMessage(), e);
            machines.clear();
            machines.putAll(Sql.read(dataSource, c -> StateStore.loadAll(c, this::serial)));
            return;
        }
        for (MachineLive m : round.touched) {
            m.clean();
            publish(m, now);
        }
        if (!round.emails.isEmpty()) {
            audience.send(round.emails);
        }
        if (!round.opened.isEmpty() || !round.closed.isEmpty()) {
            audience.problemsChanged(List.copyOf(round.opened), List.copyOf(round.closed));
        }
    }

    private void process(Round r, MachineLive m, List<MachineEvent> events, Instant receivedAt) throws SQLException {
        Fleet.Pos pos = fleet.posOf(m.id);
        for (MachineEvent e : events) {
            if (e.seq() <= m.lastSeq) {
                continue; // already applied (replay and listener overlap at start)
            }
            m.lastSeq = e.seq();
            if (m.lastEventTime == null || e.time().isAfter(m.lastEventTime)) {
                m.lastEventTime = e.time();
            }
            if (e instanceof MachineEvent.DrinkMade d) {
                if (m.drink == null || !d.time().isBefore(m.drink.at())) {
                    m.drink = new MachineState.LastDrink(d.product(), d.sizeMl(), d.time());
                }
                String product = d.product() == null ? "?" : Sql.clip(d.product(), 100);
                // The shop's own calendar day: "drinks today" of a Novosibirsk shop ends at its midnight, not Moscow's.
                LocalDate day = LocalDate.ofInstant(d.time(), pos == null ? settings.zone() : pos.zone(settings.zone()));
                r.drinks.merge(new StateStore.DrinkKey(day, m.id, product),
                        new StateStore.DrinkCount(pos == null ? null : pos.id(), pos == null ? null : pos.clientId(), 1),
                        (a, b) -> new StateStore.DrinkCount(a.posId(), a.clientId(), a.count() + b.count()));
            } else if (e instanceof MachineEvent.ErrorRaised raised) {
                errorRaised(m, raised);
            } else if (e instanceof MachineEvent.ErrorCleared cleared) {
                errorCleared(r, m, cleared);
            } else if (e instanceof MachineEvent.CleaningRun c) {
                if (m.cleaning == null || !c.time().isBefore(m.cleaning.start())) {
                    m.cleaning = new MachineState.LastCleaning(c.program(), c.time(), c.end(), c.completed());
                }
            } else if (e instanceof MachineEvent.SensorReading s) {
                reading(m.sensors, m.dirtySensors, s.sensor(), new MachineState.Reading(
                        Double.isNaN(s.value()) ? null : s.value(), null, s.unit(), s.time()));
            } else if (e instanceof MachineEvent.CounterReading c) {
                reading(m.counters, m.dirtyCounters, c.key(), new MachineState.Reading(null, c.value(), null,
                        c.time()));
            }
        }
        m.dirty = true;
        r.touched.add(m);
        if (m.lastSeen == null || receivedAt.isAfter(m.lastSeen)) {
            m.lastSeen = receivedAt;
        }
        confirmCriticalErrors(r, m, receivedAt);
        if (m.offline != null && online(m, r.now)) {
            closeProblem(r, m, m.offline, receivedAt, "back online");
            m.offline = null;
        }
        updateStatus(r, m, r.now);
    }

    private static void reading(Map<String, MachineState.Reading> readings, Set<String> dirty, String name,
            MachineState.Reading r) {
        if (name == null) {
            return;
        }
        MachineState.Reading old = readings.get(name);
        if (old == null || !r.at().isBefore(old.at())) {
            readings.put(name, r);
            dirty.add(name);
        }
    }

    private static void errorRaised(MachineLive m, MachineEvent.ErrorRaised e) {
        String severity = e.severity() == null ? null : e.severity().name();
        MachineState.CurrentError old = m.errors.get(e.code());
        // A repeated report of the same error keeps its original start.
        Instant since = old == null ? e.time() : old.since();
        m.errors.put(e.code(), new MachineState.CurrentError(e.code(), e.text(), severity, since));
        m.errorsDirty = true;
    }

    private void errorCleared(Round r, MachineLive m, MachineEvent.ErrorCleared e) throws SQLException {
        MachineState.CurrentError error = m.errors.remove(e.code());
        if (error != null) {
            m.errorsDirty = true;
        }
        Problem open = m.critical.remove(e.code());
        if (open != null) {
            closeProblem(r, m, open, later(open.start(), e.time()), "error cleared");
        } else if (error != null && isCritical(error)
                && Duration.between(error.since(), e.time()).compareTo(settings.errorDebounce()) >= 0) {
            // Raised and cleared within one batch (a resend after an outage): still a real, finished problem.
            Problem p = openProblem(r, m, ProblemKind.CRITICAL_ERROR, error.code(), errorText(error), error.since());
            closeProblem(r, m, p, e.time(), "error cleared");
        }
    }

    private void confirmCriticalErrors(Round r, MachineLive m, Instant now) throws SQLException {
        for (MachineState.CurrentError error : m.errors.values()) {
            if (isCritical(error) && !m.critical.containsKey(error.code())
                    && Duration.between(error.since(), now).compareTo(settings.errorDebounce()) >= 0) {
                m.critical.put(error.code(), openProblem(r, m, ProblemKind.CRITICAL_ERROR, error.code(),
                        errorText(error), error.since()));
            }
        }
    }

    /**
     * Silence counts only while the POS is open and monitoring runs: a machine switched off overnight is closed,
     * not down, and a platform restart gives every machine one full interval to call in again.
     */
    private void checkSilence(Round r, MachineLive m, Instant now) throws SQLException {
        Fleet.Pos pos = fleet.posOf(m.id);
        if (m.offline != null || pos == null) {
            return;
        }
        Instant openSince = OpeningCalendar.openSince(pos.hours(), pos.zone(settings.zone()), now);
        if (openSince == null) {
            return;
        }
        Instant silentFrom = later(later(m.lastSeen, openSince), startedAt);
        if (Duration.between(silentFrom, now).compareTo(settings.offlineAfter(pos.monitoringPackage())) >= 0) {
            String text = m.lastSeen == null ? "no contact yet" : "no contact since " + local(m.lastSeen, pos);
            m.offline = openProblem(r, m, ProblemKind.NOT_ONLINE, null, text, silentFrom);
        }
    }

    private void updateStatus(Round r, MachineLive m, Instant now) {
        MachineStatus next = status(m, now);
        if (next != m.status) {
            m.status = next;
            m.since = now;
            m.dirty = true;
            r.touched.add(m);
        }
    }

    private MachineStatus status(MachineLive m, Instant now) {
        if (online(m, now)) {
            return m.critical.isEmpty() ? MachineStatus.OK : MachineStatus.PROBLEM;
        }
        Fleet.Pos pos = fleet.posOf(m.id);
        if (pos == null || !pos.hours().isOpen(LocalDateTime.ofInstant(now, pos.zone(settings.zone())))) {
            return MachineStatus.CLOSED;
        }
        // Silent while open but not yet past the interval: keep the previous state rather than flap.
        return m.offline != null ? MachineStatus.NOT_ONLINE : m.status;
    }

    boolean online(MachineLive m, Instant now) {
        if (m.lastSeen == null) {
            return false;
        }
        Fleet.Pos pos = fleet.posOf(m.id);
        Duration limit = settings.offlineAfter(pos == null ? null : pos.monitoringPackage());
        return Duration.between(m.lastSeen, now).compareTo(limit) < 0;
    }

    private Problem openProblem(Round r, MachineLive m, ProblemKind kind, String code, String text, Instant start)
            throws SQLException {
        Fleet.Pos pos = fleet.posOf(m.id);
        Problem draft = new Problem(0, m.id, serial(m.id), pos == null ? null : pos.id(),
                pos == null ? null : pos.clientId(), kind, code, text, start, null);
        long id = StateStore.insertProblem(r.c, draft);
        Problem p = new Problem(id, draft.equipmentId(), draft.serialNumber(), draft.posId(), draft.clientId(), kind,
                code, text, start, null);
        r.opened.add(p);
        r.openedIds.add(id);
        r.touched.add(m);
        m.dirty = true;
        if (pos != null) {
            journal(r, p, start, kind == ProblemKind.NOT_ONLINE ? "Not online" : text, "problem detected");
        }
        return p;
    }

    private void closeProblem(Round r, MachineLive m, Problem p, Instant end, String result) throws SQLException {
        StateStore.closeProblem(r.c, p.id(), end);
        r.touched.add(m);
        m.dirty = true;
        Problem closed = new Problem(p.id(), p.equipmentId(), p.serialNumber(), p.posId(), p.clientId(), p.kind(),
                p.code(), p.text(), p.start(), end);
        r.closed.add(closed);
        if (p.posId() == null) {
            return;
        }
        String lasted = result + " after " + duration(Duration.between(p.start(), end));
        journal(r, closed, end, p.kind() == ProblemKind.NOT_ONLINE ? "Not online" : p.text(), lasted);
        // Subscribers heard of the opening only if it outlived its round; a closing alone would puzzle them.
        if (!r.openedIds.contains(p.id())) {
            NotificationKind kind = p.kind() == ProblemKind.NOT_ONLINE
                    ? NotificationKind.BACK_ONLINE : NotificationKind.PROBLEM_CLEARED;
            String title = (kind == NotificationKind.BACK_ONLINE ? "Back online: " : "Problem cleared: ")
                    + machineLabel(p);
            notify(r, closed, kind, title, lasted + " (" + p.text() + ")");
        } else {
            r.opened.removeIf(o -> o.id() == p.id());
        }
    }

    private void notifyOpened(Round r) throws SQLException {
        for (Problem p : r.opened) {
            if (p.posId() != null) {
                String title = (p.kind() == ProblemKind.NOT_ONLINE ? "Not online: " : "Problem: ") + machineLabel(p);
                notify(r, p, NotificationKind.PROBLEM_OPENED, title, p.text() + ", since " + local(p.start(), fleet.pos(p.posId())));
            }
            StateStore.markNotified(r.c, p.id());
        }
    }

    private void notify(Round r, Problem p, NotificationKind kind, String title, String message) throws SQLException {
        for (NotificationStore.Subscriber s : NotificationStore.subscribers(r.c, p.posId())) {
            if (p.clientId() != null && !audience.maySee(s.username(), p.clientId())) {
                continue;
            }
            NotificationStore.insert(r.c, s.username(), new Notification(0, r.now, kind, p.posId(), p.equipmentId(),
                    p.id(), title, message, null));
            if (s.email()) {
                r.emails.add(new Audience.Email(s.username(), "[Coffee Control] " + title, message));
            }
        }
    }

    private void journal(Round r, Problem p, Instant at, String problem, String result) throws SQLException {
        JournalSource source = p.kind() == ProblemKind.NOT_ONLINE ? JournalSource.MONITORING
                : JournalSource.CRITICAL_ERROR;
        JournalStore.insert(r.c, new JournalEntry(0, p.equipmentId(), p.serialNumber(), p.posId(), at, r.now, source,
                problem, result, null, SYSTEM, null, null, null, null, p.id(), null, null), p.clientId());
    }

    private String machineLabel(Problem p) {
        Fleet.Pos pos = fleet.pos(p.posId());
        return (p.serialNumber() == null ? "#" + p.equipmentId() : p.serialNumber())
                + (pos == null ? "" : " at " + pos.name());
    }

    private MachineLive live(long id) {
        return machines.computeIfAbsent(id, k -> new MachineLive(k, clock.instant()));
    }

    private void publish(MachineLive m, Instant now) {
        Fleet.Machine fm = fleet.machine(m.id);
        if (fm == null) {
            published.remove(m.id);
            return;
        }
        published.put(m.id, m.toState(fm, fleet.posOf(m.id), online(m, now)));
    }

    private void reloadFleet(Instant now) {
        try {
            fleet = fleetLoader.get();
            fleetLoadedAt = now;
        } catch (RuntimeException e) {
            // Keep the last good copy: a catalogue hiccup must not blind monitoring.
            LOG.warn("Could not reload the catalogue for monitoring: {}", e.getMessage());
            fleetLoadedAt = now;
        }
    }

    String serial(long equipmentId) {
        Fleet.Machine m = fleet.machine(equipmentId);
        return m == null ? null : m.serial();
    }

    /** On the shop's clock, with the zone named: texts end up in mails read anywhere. */
    private String local(Instant t, Fleet.Pos pos) {
        ZoneId zone = pos == null ? settings.zone() : pos.zone(settings.zone());
        return HHMM.format(LocalDateTime.ofInstant(t, zone)) + " (" + zone.getId() + ")";
    }

    private static boolean isCritical(MachineState.CurrentError e) {
        return Severity.CRITICAL.name().equals(e.severity());
    }

    private static String errorText(MachineState.CurrentError e) {
        return e.text() == null || e.text().isBlank() ? e.code() : e.code() + " " + e.text();
    }

    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
