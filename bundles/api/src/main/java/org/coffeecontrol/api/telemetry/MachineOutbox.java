package org.coffeecontrol.api.telemetry;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: "whatever waits for the machine". A machine's daemon calls home with its telemetry; once its
 * batch is stored, core asks every registered outbox for the jobs waiting for that machine and puts them in the
 * answer, so a feature bundle (deferred SQL, files to fetch, ...) can reach machines behind NAT without core
 * knowing what the jobs mean. The daemon uploads each job's outcome, and core hands it to the outboxes until one
 * claims the job.
 * <p>
 * Called on request threads of machines calling home: return quickly and never throw. A poll is also the sign that
 * the machine is online, which an outbox may use to start work of its own.
 */
@ConsumerType
public interface MachineOutbox {

    /** Jobs waiting for the machine; an empty list when there are none. */
    List<MachineJob> poll(PolledMachine machine);

    /**
     * The outcome of one of the jobs an outbox handed out.
     *
     * @param succeeded the daemon's verdict (e.g. the SQL ran)
     * @param result    what the daemon uploaded (at most {@link TelemetryService#MAX_BATCH_BYTES})
     * @return false when the job is not this outbox's (core then asks the next one); true when it is, also for a
     *         repeated upload of an already completed job
     */
    boolean complete(PolledMachine machine, String jobId, boolean succeeded, byte[] result);
}
