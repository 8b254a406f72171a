package org.coffeecontrol.simulator.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.simulator.wire.WireEncoder;

/**
 * A machine daemon's store of events not yet acknowledged. Events leave it only when the platform said they are
 * durable, dead-lettered or rejected; anything else keeps them for a later resend with backoff. Bounded like the
 * flash of a real daemon: past {@code capacity} the oldest events are dropped and counted.
 * <p>
 * Not thread-safe for delivery: one task per machine delivers at a time; {@link #size()} may be read anywhere.
 */
public final class Outbox {

    /** The ingest contract's limit on one request body. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    public static final int MAX_BATCH_EVENTS = 500;

    /** What one delivery attempt did. */
    public enum Outcome { NOTHING_TO_SEND, DELIVERED, SPLIT, BACKING_OFF, FAILED }

    private final String serial;
    private final String secret;
    private final WireEncoder encoder;
    private final TelemetryTransport transport;
    private final FleetStats stats;
    private final int capacity;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final ArrayDeque<MachineEvent> pending = new ArrayDeque<>();
    private volatile int size;
    private int batchLimit = MAX_BATCH_EVENTS;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    /** Wall-clock time the platform first acknowledged a batch as stored; null before. */
    private volatile Instant firstStored;
    private Consumer<String> jobListener = j -> { };
    private volatile String lastProblem;

    public Outbox(String serial, String secret, WireEncoder encoder, TelemetryTransport transport, FleetStats stats,
            int capacity, Duration baseBackoff, Duration maxBackoff) {
        this.serial = serial;
        this.secret = secret;
        this.encoder = encoder;
        this.transport = transport;
        this.stats = stats;
        this.capacity = capacity;
        this.baseBackoff = baseBackoff;
        this.maxBackoff = maxBackoff;
    }

    public void onJob(Consumer<String> listener) {
        this.jobListener = listener;
    }

    public synchronized void addAll(List<MachineEvent> events) {
        pending.addAll(events);
        stats.generated.add(events.size());
        while (pending.size() > capacity) {
            pending.removeFirst();
            stats.overflowDropped.increment();
        }
        size = pending.size();
    }

    public int size() {
        return size;
    }

    /** The last failure or refusal, for status output; null after a success. */
    public String lastProblem() {
        return lastProblem;
    }

    /** True when a failure asked to wait and the wait is not over at {@code now} (wall time). */
    /** When the platform first acknowledged a batch of this machine as stored (wall clock), or null. */
    public Instant firstStored() {
        return firstStored;
    }

    public boolean backingOff(Instant now) {
        return now.isBefore(nextAttempt);
    }

    /** Sends the oldest events as one batch, unless backing off. */
    public Outcome deliverOnce(Instant now) {
        if (backingOff(now)) {
            return Outcome.BACKING_OFF;
        }
        List<MachineEvent> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return Outcome.NOTHING_TO_SEND;
            }
            batch = new ArrayList<>(Math.min(batchLimit, pending.size()));
            Iterator<MachineEvent> it = pending.iterator();
            while (it.hasNext() && batch.size() < batchLimit) {
                batch.add(it.next());
            }
        }
        byte[] body = encoder.encode(serial, batch);
        while (body.length > MAX_BODY_BYTES && batch.size() > 1) {
            batch = batch.subList(0, batch.size() / 2);
            body = encoder.encode(serial, batch);
        }
        UploadResult result = transport.post(encoder.family(), serial, secret, encoder.contentType(), body);
        stats.batches.increment();
        if (result instanceof UploadResult.Stored s) {
            if (firstStored == null) {
                firstStored = Instant.now();
            }
            settle(batch.size(), null);
            stats.stored.add(batch.size());
            stats.duplicates.add(s.duplicates());
            stats.jobs.add(s.jobs().size());
            s.jobs().forEach(jobListener);
            return Outcome.DELIVERED;
        } else if (result instanceof UploadResult.DeadLettered d) {
            settle(batch.size(), "dead-lettered: " + d.reason());
            stats.deadLettered.add(batch.size());
            return Outcome.DELIVERED;
        } else if (result instanceof UploadResult.Rejected r) {
            settle(batch.size(), "rejected: " + r.reason());
            stats.rejected.add(batch.size());
            return Outcome.DELIVERED;
        } else if (result instanceof UploadResult.TooLarge) {
            stats.splits.increment();
            if (batch.size() == 1) {
                // Nothing smaller to send: a single event the platform will never take would block the rest.
                settle(1, "single event too large, dropped");
                stats.rejected.increment();
                return Outcome.DELIVERED;
            }
            // The platform's limit does not change between requests: keep the smaller batches from now on.
            batchLimit = Math.max(1, batch.size() / 2);
            return Outcome.SPLIT;
        } else if (result instanceof UploadResult.Refused r) {
            stats.refused.increment();
            // Unknown machine or wrong secret: the platform may be seeded later; retry slowly, keep everything.
            backOff(now, maxBackoff, "HTTP " + r.status() + ": " + r.reason());
            return Outcome.FAILED;
        } else {
            stats.failedAttempts.increment();
            Duration wait = baseBackoff.multipliedBy(1L << Math.min(failures, 16));
            backOff(now, wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait, ((UploadResult.Failed) result).reason());
            return Outcome.FAILED;
        }
    }

    private synchronized void settle(int count, String problem) {
        for (int i = 0; i < count; i++) {
            pending.removeFirst();
        }
        size = pending.size();
        failures = 0;
        nextAttempt = Instant.MIN;
        lastProblem = problem;
    }

    private synchronized void backOff(Instant now, Duration wait, String problem) {
        failures++;
        nextAttempt = now.plus(wait);
        lastProblem = problem;
    }

    /** Copy of the pending events, oldest first (tests and status output). */
    public synchronized List<MachineEvent> pending() {
        return List.copyOf(pending);
    }
}
