package org.coffeecontrol.tickets.api;

import java.time.Instant;
import java.util.List;

/**
 * The inspection checklist of an audit ticket (TKT-5, read by REP-7). It starts from the configured template; it is
 * complete once every point is answered and {@code completedAt} is set.
 */
public record Checklist(long ticketId, String ticketNumber, long clientId, Long posId, Long equipmentId,
        List<ChecklistItem> items, Instant completedAt, String completedBy) {
    public Checklist {
        items = List.copyOf(items);
    }

    public boolean complete() {
        return completedAt != null;
    }
}
