package org.coffeecontrol.remote.api;

import java.time.Instant;
import java.util.List;

/**
 * One deferred SQL file (RC-4): a {@code *.txt} in the machine's home folder {@code Data/<equipment type>/<serial>}
 * whose first line starts with {@code Fast ID}, delivered with the answer to the machine's next telemetry batch,
 * run there, and renamed {@code *.sendtxt} once handed out.
 *
 * @param fileName  the file's name as placed (or created), e.g. {@code counters.txt}
 * @param fastId    the rest of the first line after {@code Fast ID}
 * @param createdBy the user who created it over REST, UI or shell; {@code file} for a file dropped in the folder
 * @param columns   the result's column labels (DONE with a query), else empty
 * @param rows      the result's rows, at most the configured SQL row limit
 * @param message   why it is INVALID or FAILED, or what the machine said
 */
public record DeferredQuery(long id, String serial, String fileName, String fastId, String sql, DeferredState state,
        String createdBy, Instant createdAt, Instant deliveredAt, int deliveries, Instant completedAt,
        List<String> columns, List<List<String>> rows, boolean truncated, Integer rowsAffected, String message) {

    public DeferredQuery {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }
}
