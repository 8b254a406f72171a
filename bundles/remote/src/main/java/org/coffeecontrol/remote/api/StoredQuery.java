package org.coffeecontrol.remote.api;

/** A named SQL statement tech support keeps at hand (RC-3). {@code version} guards against lost updates. */
public record StoredQuery(Long id, String name, String description, String sql, String createdBy, long version) {
}
