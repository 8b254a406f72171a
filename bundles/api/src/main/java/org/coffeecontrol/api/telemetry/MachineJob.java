package org.coffeecontrol.api.telemetry;

import java.util.Map;

/**
 * Work waiting for a machine, handed to its daemon in the answer to its next telemetry batch as
 * {@code {"id": ..., "type": ..., <fields>}}. The daemon reports the outcome with
 * {@code POST /api/telemetry/{family}/{serial}/jobs/{id}/result}.
 *
 * @param id     unique across every {@link MachineOutbox}: prefix it with the outbox's own kind, e.g. {@code dsql-17}
 * @param type   what the daemon must do, e.g. {@code sql}
 * @param fields flat string arguments of the job (no nested objects, so core can write them without a JSON library)
 */
public record MachineJob(String id, String type, Map<String, String> fields) {

    public MachineJob {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("job id must be 1-100 letters, digits, '.', '_' or '-': " + id);
        }
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
