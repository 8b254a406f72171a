package org.coffeecontrol.remote.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Recipes of machines (RC-2) and each client's approved recipe card (technological map). Recipes are read and
 * written through the machine family's {@link org.coffeecontrol.api.driver.RecipeDialect} over SSH, so only while
 * the machine answers and only for models that keep editable recipes; otherwise the future fails with a
 * {@link RemoteOperationException} whose message says which. Requests that cannot be right (a value outside its
 * field's range, an unknown field) are refused at once with a {@link org.coffeecontrol.api.ValidationException}
 * naming the field ({@code values.coffee_g}); nothing is sent.
 */
@ProviderType
public interface RecipeService {

    /** The machine's recipes as read now, compared with its client's card. */
    CompletableFuture<MachineRecipes> read(Caller caller, String serial);

    /**
     * Writes {@code values} (by field key) of one recipe, reads the recipes back and completes with them once the
     * machine shows the new values. Recorded in the command history as {@code recipe-write}.
     */
    CompletableFuture<MachineRecipes> write(Caller caller, String serial, String recipeId,
            Map<String, BigDecimal> values);

    /**
     * Writes the card's value into every deviating field of the machine, then reads back. Recorded in the command
     * history as {@code recipe-restore-card}. A machine without deviations is read only.
     */
    CompletableFuture<MachineRecipes> restoreCard(Caller caller, String serial);

    /** The client's card; an empty card (version 0) when none was saved yet. */
    RecipeCard card(Caller caller, long clientId);

    /**
     * Replaces the client's card. {@code version} must be the one read (0 for a new card), else a
     * {@link org.coffeecontrol.api.ConflictException}.
     */
    RecipeCard saveCard(Caller caller, long clientId, List<RecipeCardEntry> entries, long version);

    /**
     * Fleet-wide drift check ("coffee overuse"): reads the recipes of every visible machine whose client has a card
     * (of one client when {@code clientId} is given) and lists those that deviate or could not be read.
     */
    CompletableFuture<DriftReport> drift(Caller caller, Long clientId);
}
