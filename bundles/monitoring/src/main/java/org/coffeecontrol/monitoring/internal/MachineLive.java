package org.coffeecontrol.monitoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MachineStatus;
import org.coffeecontrol.monitoring.api.Problem;

/**
 * The engine's mutable view of one machine. Only the engine thread touches it; readers get immutable
 * {@link MachineState} copies. The dirty marks say what the current transaction must write.
 */
final class MachineLive {

    final long id;
    long lastSeq = -1;
    Instant lastSeen;
    Instant lastEventTime;
    MachineStatus status = MachineStatus.CLOSED;
    Instant since;
    MachineState.LastDrink drink;
    MachineState.LastCleaning cleaning;
    final Map<String, MachineState.Reading> sensors = new TreeMap<>();
    final Map<String, MachineState.Reading> counters = new TreeMap<>();
    final Map<String, MachineState.CurrentError> errors = new LinkedHashMap<>();
    /** Open critical-error problems by error code. */
    final Map<String, Problem> critical = new HashMap<>();
    /** The open not-online problem, if any. */
    Problem offline;

    boolean dirty;
    boolean errorsDirty;
    final Set<String> dirtySensors = new HashSet<>();
    final Set<String> dirtyCounters = new HashSet<>();

    MachineLive(long id, Instant since) {
        this.id = id;
        this.since = since;
    }

    List<Problem> openProblems() {
        List<Problem> out = new ArrayList<>(critical.values());
        if (offline != null) {
            out.add(offline);
        }
        out.sort((a, b) -> b.start().compareTo(a.start()));
        return out;
    }

    void clean() {
        dirty = false;
        errorsDirty = false;
        dirtySensors.clear();
        dirtyCounters.clear();
    }

    MachineState toState(Fleet.Machine machine, Fleet.Pos pos, boolean online) {
        return new MachineState(id, machine == null ? null : machine.serial(), machine == null ? null : machine.posId(),
                pos == null ? null : pos.clientId(), status, online, since, lastSeen, lastEventTime, drink, cleaning,
                sensors, counters, new ArrayList<>(errors.values()), openProblems());
    }
}
