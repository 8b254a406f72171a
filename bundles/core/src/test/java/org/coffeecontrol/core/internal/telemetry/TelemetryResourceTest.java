package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.telemetry.MachineJob;
import org.junit.jupiter.api.Test;

class TelemetryResourceTest {

    @Test
    void aStoredAnswerCarriesTheWaitingJobsAsFlatObjects() {
        String body = TelemetryResource.json("STORED", 3, 1, 42, null, "stored", List.of(
                new MachineJob("dsql-7", "sql", Map.of("sql", "SELECT 'a\"b' FROM t\nWHERE x = 1", "fastId", "7")),
                new MachineJob("x-1", "noop", Map.of("id", "ignored", "type", "ignored"))));
        assertEquals("{\"status\":\"STORED\",\"accepted\":3,\"duplicates\":1,\"lastSeq\":42,\"jobs\":["
                + "{\"id\":\"dsql-7\",\"type\":\"sql\",\"fastId\":\"7\",\"sql\":\"SELECT 'a\\\"b' FROM t\\u000aWHERE x = 1\"},"
                + "{\"id\":\"x-1\",\"type\":\"noop\"}]}", body);
        assertEquals("{\"status\":\"STORED\",\"accepted\":3,\"duplicates\":1,\"lastSeq\":42,\"jobs\":[]}",
                TelemetryResource.json("STORED", 3, 1, 42, null, "stored"));
    }
}
