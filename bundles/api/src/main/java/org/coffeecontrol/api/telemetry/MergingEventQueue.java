package org.coffeecontrol.api.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.coffeecontrol.api.driver.MachineEvent;

/**
 * For {@link TelemetryListener}s that store what they are told: hands the batches to the listener's own worker,
 * merged. Whatever piled up while the worker was busy is applied as one batch, so under load a listener commits
 * once per round instead of once per ingest commit (each commit is a log flush), and it catches up instead of
 * falling further behind. Each machine's events stay in the order they were stored.
 */
public final class MergingEventQueue {

    private final Executor worker;
    private final Consumer<Map<Long, List<MachineEvent>>> apply;
    private final Queue<Map<Long, List<MachineEvent>>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingBatches = new AtomicInteger();
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    /**
     * @param worker runs the merged batches; must run one task at a time (a single thread) so machines' events
     *               keep their order
     * @param apply  stores one merged batch; what it throws is the worker's business (wrap it to log)
     */
    public MergingEventQueue(Executor worker, Consumer<Map<Long, List<MachineEvent>>> apply) {
        this.worker = worker;
        this.apply = apply;
    }

    /** Takes a listener's batch (the map is copied, the events are immutable) and returns at once. */
    public void add(Map<Long, List<MachineEvent>> eventsByEquipmentId) {
        if (eventsByEquipmentId.isEmpty()) {
            return;
        }
        pending.add(new LinkedHashMap<>(eventsByEquipmentId));
        pendingBatches.incrementAndGet();
        if (drainQueued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Listener batches taken but not yet applied: a measure of how far behind the worker is. */
    public int pendingBatches() {
        return pendingBatches.get();
    }

    private void drain() {
        // Cleared first: a batch added from now on queues another drain, which at worst finds nothing to do.
        drainQueued.set(false);
        Map<Long, List<MachineEvent>> merged = new LinkedHashMap<>();
        Map<Long, List<MachineEvent>> batch;
        while ((batch = pending.poll()) != null) {
            pendingBatches.decrementAndGet();
            batch.forEach((id, events) -> merged.computeIfAbsent(id, k -> new ArrayList<>()).addAll(events));
        }
        if (!merged.isEmpty()) {
            apply.accept(merged);
        }
    }
}
