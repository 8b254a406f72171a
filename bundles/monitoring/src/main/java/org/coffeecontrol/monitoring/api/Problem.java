package org.coffeecontrol.monitoring.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A detected problem (MON-2). {@code end} is null while it is open.
 *
 * @param code the error code for {@link ProblemKind#CRITICAL_ERROR}, null for {@link ProblemKind#NOT_ONLINE}
 */
public record Problem(long id, long equipmentId, String serialNumber, Long posId, Long clientId, ProblemKind kind,
        String code, String text, Instant start, Instant end) {

    public boolean open() {
        return end == null;
    }

    /** How long it lasted, or has lasted until {@code now} while open. */
    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }
}
