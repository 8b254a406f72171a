package org.coffeecontrol.remote.api;

import java.time.Instant;

/** One statement sent (or refused) for a machine: the SQL audit trail. */
public record SqlLogEntry(long id, long equipmentId, String serial, String username, Instant startedAt, String sql,
        Long storedQueryId, long durationMillis, Outcome outcome, Integer rowCount, String message) {
}
