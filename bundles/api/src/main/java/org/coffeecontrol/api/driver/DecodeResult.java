package org.coffeecontrol.api.driver;

import java.util.List;

/** Result of {@link MachineDriver#decode}: either every event of the batch, or the reason it was refused. */
public sealed interface DecodeResult {

    record Decoded(List<MachineEvent> events) implements DecodeResult {
        public Decoded {
            events = List.copyOf(events);
        }
    }

    /** @param reason what was wrong and where, e.g. {@code line 3: unknown record type 'X'} */
    record Rejected(String reason) implements DecodeResult {
    }

    static DecodeResult decoded(List<MachineEvent> events) {
        return new Decoded(events);
    }

    static DecodeResult rejected(String reason) {
        return new Rejected(reason);
    }
}
