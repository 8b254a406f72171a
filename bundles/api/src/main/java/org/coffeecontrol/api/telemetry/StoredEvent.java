package org.coffeecontrol.api.telemetry;

import java.time.Instant;
import java.util.Optional;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;

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

    /**
     * The canonical event this row was stored from, for bundles that replay stored events through the same code as
     * live ones; empty for a kind this API version does not know (a newer core).
     *
     * @since 1.3
     */
    public Optional<MachineEvent> machineEvent() {
        MachineEvent e = switch (kind) {
            case "DRINK" -> new MachineEvent.DrinkMade(seq, time, code, value == null ? null : value.intValue());
            case "ERROR" -> new MachineEvent.ErrorRaised(seq, time, code, text,
                    severity == null ? null : Severity.valueOf(severity));
            case "ERROR_CLEARED" -> new MachineEvent.ErrorCleared(seq, time, code);
            case "CLEANING" -> new MachineEvent.CleaningRun(seq, time, code, end, !"aborted".equals(text));
            case "SENSOR" -> new MachineEvent.SensorReading(seq, time, code, value == null ? Double.NaN : value, unit);
            case "COUNTER" -> new MachineEvent.CounterReading(seq, time, code, text);
            case "HEARTBEAT" -> new MachineEvent.Heartbeat(seq, time);
            case "NOTICE" -> new MachineEvent.Notice(seq, time, code, text);
            default -> null;
        };
        return Optional.ofNullable(e);
    }
}
