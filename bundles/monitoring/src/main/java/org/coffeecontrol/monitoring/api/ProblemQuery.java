package org.coffeecontrol.monitoring.api;

import org.coffeecontrol.api.PageRequest;

/** Filter for the detected-problems list: every field optional; newest first. */
public record ProblemQuery(Long clientId, Long posId, Long equipmentId, boolean openOnly, PageRequest page) {

    public ProblemQuery {
        page = page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page;
    }

    public static ProblemQuery open() {
        return new ProblemQuery(null, null, null, true, null);
    }
}
