package org.coffeecontrol.remote.internal.recipe;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.remote.api.RecipeCard;
import org.coffeecontrol.remote.api.RecipeCardEntry;
import org.coffeecontrol.remote.internal.db.Jdbc;

/** Approved recipe cards: one header row per client (who, when, version) and its entries. */
final class RecipeCardStore {

    private final Jdbc jdbc;

    RecipeCardStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    RecipeCard load(long clientId) {
        List<RecipeCardEntry> entries = jdbc.list("SELECT product, field_key, approved, tolerance FROM "
                + "cc_remote_recipe_card_entry WHERE client_id = ? ORDER BY product, field_key",
                rs -> new RecipeCardEntry(rs.getString("product"), rs.getString("field_key"),
                        plain(rs.getBigDecimal("approved")), plain(rs.getBigDecimal("tolerance"))),
                clientId);
        return jdbc.one("SELECT updated_by, updated_at, version FROM cc_remote_recipe_card WHERE client_id = ?",
                rs -> new RecipeCard(clientId, entries, rs.getString("updated_by"), Jdbc.instant(rs, "updated_at"),
                        rs.getLong("version")),
                clientId).orElse(new RecipeCard(clientId, List.of(), null, null, 0));
    }

    /** Clients that have a card with entries. */
    List<Long> clients() {
        return jdbc.list("SELECT DISTINCT client_id FROM cc_remote_recipe_card_entry ORDER BY client_id",
                rs -> rs.getLong(1));
    }

    /**
     * Replaces the entries if {@code version} is still the stored one. Not one transaction across the statements:
     * the version bump comes first, so a concurrent save fails on it instead of interleaving entries.
     */
    synchronized RecipeCard save(long clientId, List<RecipeCardEntry> entries, long version, String by) {
        Instant now = Instant.now();
        Optional<Long> stored = jdbc.one("SELECT version FROM cc_remote_recipe_card WHERE client_id = ?",
                rs -> rs.getLong(1), clientId);
        if (stored.isEmpty() && version == 0) {
            jdbc.update("INSERT INTO cc_remote_recipe_card (client_id, updated_by, updated_at, version) "
                    + "VALUES (?, ?, ?, 1)", clientId, by, now);
        } else if (stored.isEmpty() || jdbc.update("UPDATE cc_remote_recipe_card SET updated_by = ?, updated_at = ?, "
                + "version = version + 1 WHERE client_id = ? AND version = ?", by, now, clientId, version) == 0) {
            throw new ConflictException("the recipe card of client " + clientId + " was changed meanwhile (version "
                    + stored.orElse(0L) + ", not " + version + "): reload it");
        }
        jdbc.update("DELETE FROM cc_remote_recipe_card_entry WHERE client_id = ?", clientId);
        for (RecipeCardEntry e : entries) {
            jdbc.update("INSERT INTO cc_remote_recipe_card_entry (client_id, product, field_key, approved, tolerance) "
                    + "VALUES (?, ?, ?, ?, ?)", clientId, e.product(), e.field(), e.value(), e.tolerance());
        }
        return load(clientId);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
