package org.coffeecontrol.api.telemetry;

import java.time.Instant;

/**
 * A payload that could not be stored as events, kept byte for byte so it can be replayed once a driver can decode
 * it (or the machine exists).
 *
 * @param preview the start of the payload as text, for display
 */
public record DeadLetter(long id, Instant receivedAt, String family, String serial, Long equipmentId,
        String contentType, IngestResult.Status cause, String reason, int size, String preview, State state,
        Instant replayedAt) {

    public enum State { PENDING, REPLAYED }
}
