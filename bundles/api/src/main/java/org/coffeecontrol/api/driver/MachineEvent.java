package org.coffeecontrol.api.driver;

import java.time.Instant;

/**
 * A canonical telemetry event. {@code seq} is the machine's own sequence number (strictly increasing per machine,
 * never reused); core stores each (machine, seq) once, so resent batches are harmless.
 */
public sealed interface MachineEvent permits MachineEvent.DrinkMade, MachineEvent.ErrorRaised,
        MachineEvent.ErrorCleared, MachineEvent.CleaningRun, MachineEvent.SensorReading,
        MachineEvent.CounterReading, MachineEvent.Heartbeat, MachineEvent.Notice {

    long seq();

    Instant time();

    /**
     * A drink was made.
     *
     * @param product canonical product name, e.g. {@code Americano 200}
     * @param sizeMl  cup size in ml, or null when the family does not report it
     */
    record DrinkMade(long seq, Instant time, String product, Integer sizeMl) implements MachineEvent {
    }

    /** @param code the family's error code; {@code text} its description */
    record ErrorRaised(long seq, Instant time, String code, String text, Severity severity) implements MachineEvent {
    }

    record ErrorCleared(long seq, Instant time, String code) implements MachineEvent {
    }

    /**
     * A cleaning (rinse) program ran; {@code time} is its start.
     *
     * @param completed false when aborted
     */
    record CleaningRun(long seq, Instant time, String program, Instant end, boolean completed)
            implements MachineEvent {
    }

    /** @param sensor a {@link Sensors} name where one fits, else the family's own */
    record SensorReading(long seq, Instant time, String sensor, double value, String unit) implements MachineEvent {
    }

    /** A service counter or version, e.g. {@code mpo_ver}, {@code descaling_count_current_value}. */
    record CounterReading(long seq, Instant time, String key, String value) implements MachineEvent {
    }

    record Heartbeat(long seq, Instant time) implements MachineEvent {
    }

    /** Informational state change worth a line in the history, e.g. "rinse postponed". */
    record Notice(long seq, Instant time, String code, String text) implements MachineEvent {
    }
}
