package org.coffeecontrol.api.telemetry;

import java.time.Instant;

/**
 * A canonical event as stored: one flat row per event whatever its kind.
 *
 * @param kind    DRINK, ERROR, ERROR_CLEARED, CLEANING, SENSOR, COUNTER, HEARTBEAT, NOTICE
 * @param code    product name (DRINK), error code, cleaning program, sensor name or counter key
 * @param text    error text, counter value, notice text
 * @param value   drink size in ml, sensor value
 * @param end     end of a cleaning run
 */
public record StoredEvent(long equipmentId, long seq, Instant time, String kind, String code, String text,
        Double value, String unit, String severity, Instant end, Instant receivedAt) {
}
