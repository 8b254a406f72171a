package org.coffeecontrol.api.telemetry;

import java.time.Instant;

/**
 * A machine's last contact as core recorded it with its newest committed batch.
 *
 * @param lastSeq       the highest sequence number stored for the machine
 * @param lastSeen      when its last batch with events was received
 * @param lastEventTime the latest event time among its stored events (machine clock), null when unknown
 * @since 1.3
 */
public record MachineContact(long equipmentId, long lastSeq, Instant lastSeen, Instant lastEventTime) {
}
