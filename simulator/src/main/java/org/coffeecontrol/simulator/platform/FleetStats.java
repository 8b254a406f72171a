package org.coffeecontrol.simulator.platform;

import java.util.concurrent.atomic.LongAdder;

/** Fleet-wide delivery counters, updated from many machine tasks at once. */
public final class FleetStats {
    public final LongAdder generated = new LongAdder();
    public final LongAdder stored = new LongAdder();
    public final LongAdder duplicates = new LongAdder();
    public final LongAdder deadLettered = new LongAdder();
    public final LongAdder rejected = new LongAdder();
    public final LongAdder refused = new LongAdder();
    public final LongAdder failedAttempts = new LongAdder();
    public final LongAdder splits = new LongAdder();
    public final LongAdder overflowDropped = new LongAdder();
    public final LongAdder batches = new LongAdder();
    public final LongAdder jobs = new LongAdder();

    /** Events handed over for good: stored (including duplicates), dead-lettered or rejected by the platform. */
    public long settled() {
        return stored.sum() + deadLettered.sum() + rejected.sum();
    }

    @Override
    public String toString() {
        return "generated=" + generated.sum() + " stored=" + stored.sum() + " (duplicates " + duplicates.sum()
                + ") deadLettered=" + deadLettered.sum() + " rejected=" + rejected.sum() + " batches="
                + batches.sum() + " failedAttempts=" + failedAttempts.sum() + " refused=" + refused.sum()
                + " splits=" + splits.sum() + " overflowDropped=" + overflowDropped.sum() + " jobs=" + jobs.sum();
    }
}
