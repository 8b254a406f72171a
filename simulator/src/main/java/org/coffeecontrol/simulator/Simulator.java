package org.coffeecontrol.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.simulator.model.EventGenerator;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.coffeecontrol.simulator.model.Secrets;
import org.coffeecontrol.simulator.platform.FleetStats;
import org.coffeecontrol.simulator.platform.Outbox;
import org.coffeecontrol.simulator.platform.TelemetryTransport;
import org.coffeecontrol.simulator.wire.WireEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fleet on a small fixed pool of threads: every machine is a task that re-schedules itself, plays its
 * generator up to the simulated "now", and lets its daemon deliver a batch when one is due.
 * <p>
 * Simulated time: machines start at {@link Settings#from()} (in the past for a backfill) and catch up as fast as the
 * platform takes their batches; the live simulated clock starts at the wall-clock time of {@link #start()} and runs
 * {@link Settings#speed()} times faster than the wall clock. With {@link Settings#to()} set, each machine stops
 * there and the run is finished once every outbox is empty.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    /** How much simulated time one task run plays at most, so that catching-up machines take turns. */
    private static final Duration MAX_CHUNK = Duration.ofHours(1);

    /**
     * @param backpressure  outbox size beyond which a catching-up machine stops generating until the platform
     *                      has taken some: a backfill runs at the platform's pace instead of filling memory
     */
    public record Settings(Instant from, Instant to, double speed, Duration uploadInterval, int threads,
            int outboxCapacity, int backpressure, Duration baseBackoff, Duration maxBackoff, Duration rebootDowntime) {

        public Settings {
            if (speed <= 0) {
                throw new IllegalArgumentException("speed must be positive");
            }
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("to is before from");
            }
        }

        public static Settings live(Instant from) {
            return new Settings(from, null, 1, Duration.ofSeconds(15), 4, 200_000, 5_000, Duration.ofSeconds(1),
                    Duration.ofMinutes(2), Duration.ofSeconds(8));
        }

        public Settings withTo(Instant t) {
            return new Settings(from, t, speed, uploadInterval, threads, outboxCapacity, backpressure, baseBackoff,
                    maxBackoff, rebootDowntime);
        }

        public Settings withSpeed(double s) {
            return new Settings(from, to, s, uploadInterval, threads, outboxCapacity, backpressure, baseBackoff,
                    maxBackoff, rebootDowntime);
        }

        public Settings withUploadInterval(Duration d) {
            return new Settings(from, to, speed, d, threads, outboxCapacity, backpressure, baseBackoff, maxBackoff,
                    rebootDowntime);
        }

        public Settings withThreads(int n) {
            return new Settings(from, to, speed, uploadInterval, n, outboxCapacity, backpressure, baseBackoff,
                    maxBackoff, rebootDowntime);
        }

        public Settings withBackoff(Duration base, Duration max) {
            return new Settings(from, to, speed, uploadInterval, threads, outboxCapacity, backpressure, base, max,
                    rebootDowntime);
        }
    }

    /** What a machine's daemon does with a job the platform handed it (e.g. deferred SQL). */
    @FunctionalInterface
    public interface JobHandler {
        /** @param job the job as the platform sent it: one JSON object */
        void handle(SimMachine machine, String job);
    }

    private volatile JobHandler jobHandler = (machine, job) -> { };
    private final FleetModel fleet;
    private final Settings settings;
    private final Clock wallClock;
    private final FleetStats stats = new FleetStats();
    private final Map<String, SimMachine> machines = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final CountDownLatch done;
    private final long tickMillis;
    private volatile Instant wallAnchor;
    private volatile boolean closed;

    public Simulator(FleetModel fleet, Settings settings, Function<String, WireEncoder> encoders,
            TelemetryTransport transport, Clock wallClock) {
        this.fleet = fleet;
        this.settings = settings;
        this.wallClock = wallClock;
        long seed = fleet.spec().seed();
        for (MachineSpec m : fleet.machines()) {
            Outbox outbox = new Outbox(m.serial(), Secrets.telemetrySecret(seed, m.serial()),
                    encoders.apply(m.family()), transport, stats, settings.outboxCapacity(), settings.baseBackoff(),
                    settings.maxBackoff());
            SimMachine machine = new SimMachine(m, fleet.posOf(m), fleet.generator(m.serial(), settings.from()),
                    outbox);
            outbox.onJob(job -> {
                LOG.info("{} received job {}", m.serial(), job);
                jobHandler.handle(machine, job);
            });
            machines.put(m.serial(), machine);
        }
        this.done = new CountDownLatch(machines.size());
        this.scheduler = new ScheduledThreadPoolExecutor(settings.threads(), r -> {
            Thread t = new Thread(r, "sim-machines");
            t.setDaemon(true);
            return t;
        });
        this.tickMillis = Math.max(20, Math.min(1000, (long) (EventGenerator.STEP.toMillis() / settings.speed())));
    }

    /** Runs on the machine's own task, right after the answer that carried the job. */
    public void onJob(JobHandler handler) {
        this.jobHandler = handler;
    }

    public FleetModel fleet() {
        return fleet;
    }

    public Settings settings() {
        return settings;
    }

    public FleetStats stats() {
        return stats;
    }

    public Optional<SimMachine> machine(String serial) {
        return Optional.ofNullable(machines.get(serial));
    }

    public List<SimMachine> machines() {
        return List.copyOf(machines.values());
    }

    /**
     * Makes {@code percent} % of the fleet broken, chosen by the fleet's seed (the same machines every run), half of
     * them {@link SimMachine.Fault#DEAD}, half {@link SimMachine.Fault#HUNG}.
     *
     * @return the broken machines
     */
    public List<SimMachine> breakMachines(double percent) {
        List<SimMachine> all = new java.util.ArrayList<>(machines.values());
        java.util.Collections.shuffle(all, new java.util.Random(fleet.spec().seed() ^ 0xFA17L));
        List<SimMachine> broken = all.subList(0, (int) Math.round(all.size() * percent / 100));
        for (int i = 0; i < broken.size(); i++) {
            broken.get(i).fault(i % 2 == 0 ? SimMachine.Fault.DEAD : SimMachine.Fault.HUNG);
        }
        return List.copyOf(broken);
    }

    public int pendingEvents() {
        return machines.values().stream().mapToInt(m -> m.outbox().size()).sum();
    }

    /** The live simulated time. */
    public Instant simNow() {
        Instant anchor = wallAnchor == null ? wallClock.instant() : wallAnchor;
        long elapsed = Duration.between(anchor, wallClock.instant()).toMillis();
        return anchor.plusMillis((long) (elapsed * settings.speed()));
    }

    public void start() {
        wallAnchor = wallClock.instant();
        SplittableRandom stagger = new SplittableRandom(fleet.spec().seed());
        for (SimMachine m : machines.values()) {
            // Spread the machines' calls home over the upload interval instead of all at once.
            m.nextUpload(wallAnchor.plusMillis(stagger.nextLong(Math.max(1, settings.uploadInterval().toMillis()))));
            scheduler.schedule(() -> run(m), stagger.nextLong(tickMillis), TimeUnit.MILLISECONDS);
        }
    }

    /** Waits until every machine reached {@link Settings#to()} and delivered everything. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(SimMachine m) {
        if (closed) {
            return;
        }
        long delay = tickMillis;
        try {
            delay = play(m);
        } catch (RuntimeException e) {
            LOG.error("machine {} failed, retrying in 5 s", m.serial(), e);
            delay = 5000;
        }
        if (delay >= 0 && !closed) {
            scheduler.schedule(() -> run(m), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** One turn of a machine; returns the delay until its next turn, or -1 when it is finished. */
    private long play(SimMachine m) {
        Instant wall = wallClock.instant();
        Instant target = simNow();
        if (settings.to() != null && target.isAfter(settings.to())) {
            target = settings.to();
        }
        Outbox outbox = m.outbox();
        boolean behind;
        boolean linkUp;
        synchronized (m) {
            EventGenerator g = m.generator();
            linkUp = g.linkUp(g.cursor());
            // A machine whose link is down keeps playing: its backlog is what it sends once back online.
            if (outbox.size() < settings.backpressure() || !linkUp) {
                Instant chunkEnd = g.cursor().plus(MAX_CHUNK);
                List<MachineEvent> events = g.advanceTo(chunkEnd.isBefore(target) ? chunkEnd : target);
                outbox.addAll(events);
            }
            behind = !g.cursor().plus(EventGenerator.STEP).isAfter(target);
            linkUp = g.linkUp(g.cursor());
        }
        boolean ended = settings.to() != null && !behind && !target.isBefore(settings.to());
        // At the end of a bounded run a machine whose link is down would wait forever: it reconnects instead.
        boolean reachable = (linkUp || ended) && m.reachable(wall) && m.fault() == SimMachine.Fault.NONE;
        int pending = outbox.size();
        boolean due = ended || pending >= Outbox.MAX_BATCH_EVENTS || (!behind && !wall.isBefore(m.nextUpload()));
        if (reachable && pending > 0 && due) {
            Outbox.Outcome outcome = outbox.deliverOnce(wall);
            if (outcome == Outbox.Outcome.DELIVERED || outcome == Outbox.Outcome.NOTHING_TO_SEND) {
                m.nextUpload(wall.plus(settings.uploadInterval()));
            }
            if ((outcome == Outbox.Outcome.DELIVERED || outcome == Outbox.Outcome.SPLIT) && outbox.size() > 0
                    && (ended || outbox.size() >= Outbox.MAX_BATCH_EVENTS)) {
                return 0;
            }
        }
        if (ended && outbox.size() == 0) {
            m.finish();
            done.countDown();
            return -1;
        }
        if (behind && (outbox.size() < settings.backpressure() || !linkUp)) {
            return 0;
        }
        return tickMillis;
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
