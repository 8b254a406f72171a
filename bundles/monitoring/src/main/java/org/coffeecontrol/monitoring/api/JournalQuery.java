package org.coffeecontrol.monitoring.api;

import org.coffeecontrol.api.PageRequest;

/** One machine's journal ({@code equipmentId}) or a POS's, merging its machines ({@code posId}); newest first. */
public record JournalQuery(Long equipmentId, Long posId, PageRequest page) {

    public JournalQuery {
        page = page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page;
    }

    public static JournalQuery equipment(long id) {
        return new JournalQuery(id, null, null);
    }

    public static JournalQuery pos(long id) {
        return new JournalQuery(null, id, null);
    }
}
