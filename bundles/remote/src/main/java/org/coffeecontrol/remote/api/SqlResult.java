package org.coffeecontrol.remote.api;

import java.util.List;

/**
 * The answer to one SQL statement run on a machine (RC-3).
 *
 * @param columns      column labels of a query; empty for updates
 * @param rows         at most the requested row limit; every cell as the machine rendered it ({@code NULL} for null)
 * @param truncated    true when the machine returned more rows than the limit
 * @param rowsAffected for INSERT/UPDATE/DELETE, else null
 * @param outcome      {@link Outcome#OK}, or why there is no result ({@code message} says more)
 */
public record SqlResult(Long logId, String sql, List<String> columns, List<List<String>> rows, boolean truncated,
        Integer rowsAffected, long durationMillis, Outcome outcome, String message) {
    public SqlResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
