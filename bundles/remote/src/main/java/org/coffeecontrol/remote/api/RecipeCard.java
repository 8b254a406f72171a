package org.coffeecontrol.remote.api;

import java.time.Instant;
import java.util.List;

/** A client's approved recipe card (technological map): the values its machines must use. */
public record RecipeCard(long clientId, List<RecipeCardEntry> entries, String updatedBy, Instant updatedAt,
        long version) {
    public RecipeCard {
        entries = List.copyOf(entries);
    }
}
