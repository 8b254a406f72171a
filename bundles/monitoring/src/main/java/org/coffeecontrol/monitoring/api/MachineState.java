package org.coffeecontrol.monitoring.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything significant about one machine right now (MON-6).
 *
 * @param online        an event arrived within the expected interval of its POS's monitoring package
 * @param since         when {@code status} last changed
 * @param lastSeen      when the platform last received anything from it (not the machine's clock)
 * @param lastEventTime the newest event time the machine reported (its own clock)
 * @param sensors       latest reading per sensor name
 * @param counters      latest value per service counter key
 * @param errors        errors raised and not cleared, of any severity
 * @param openProblems  detected problems still open
 */
public record MachineState(long equipmentId, String serialNumber, Long posId, Long clientId, MachineStatus status,
        boolean online, Instant since, Instant lastSeen, Instant lastEventTime, LastDrink lastDrink,
        LastCleaning lastCleaning, Map<String, Reading> sensors, Map<String, Reading> counters,
        List<CurrentError> errors, List<Problem> openProblems) {

    public MachineState {
        sensors = Map.copyOf(sensors);
        counters = Map.copyOf(counters);
        errors = List.copyOf(errors);
        openProblems = List.copyOf(openProblems);
    }

    public record LastDrink(String product, Integer sizeMl, Instant at) {
    }

    public record LastCleaning(String program, Instant start, Instant end, boolean completed) {
    }

    /** A sensor reading ({@code value}) or a counter ({@code text}). */
    public record Reading(Double value, String text, String unit, Instant at) {
    }

    public record CurrentError(String code, String text, String severity, Instant since) {
    }
}
