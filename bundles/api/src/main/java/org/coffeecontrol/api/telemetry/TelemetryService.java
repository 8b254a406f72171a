package org.coffeecontrol.api.telemetry;

import java.util.List;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ingest pipeline: machines' batches in, canonical events stored exactly once. Acknowledged means committed;
 * anything that cannot be stored as events is kept as a dead letter.
 */
@ProviderType
public interface TelemetryService {

    /** Largest accepted batch body. */
    int MAX_BATCH_BYTES = 1024 * 1024;

    /**
     * Ingests one batch as the machine sent it. Never throws for bad input; blocks until the events are committed.
     *
     * @param secret the machine's secret as presented (null when missing)
     */
    IngestResult ingest(String family, String serial, String secret, String contentType, byte[] body);

    /** Sets the secret a machine authenticates with; only its hash is stored. */
    void setMachineSecret(Caller caller, long equipmentId, String secret);

    Page<DeadLetter> deadLetters(Caller caller, String family, DeadLetter.State state, PageRequest page);

    DeadLetter deadLetter(Caller caller, long id);

    /** The raw payload of a dead letter. */
    byte[] deadLetterPayload(Caller caller, long id);

    /** Replays one dead letter, or all pending ones of a family (null: every family). */
    ReplayResult replay(Caller caller, long id);

    ReplayResult replayAll(Caller caller, String family);

    /** Deletes replayed dead letters (or one by id); returns how many. */
    int purge(Caller caller, Long id);

    /** Newest first. */
    List<StoredEvent> lastEvents(Caller caller, long equipmentId, int limit);

    List<DriverStatus> drivers();

    /**
     * The machine with this family and serial, if {@code secret} is its telemetry secret: how machine endpoints
     * other than ingest (job results) authenticate the daemon. Never throws for bad input.
     *
     * @since 1.1
     */
    java.util.Optional<PolledMachine> authenticate(String family, String serial, String secret);

    List<IngestCounters> counters();
}
