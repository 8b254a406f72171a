package org.coffeecontrol.remote.internal.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.remote.api.DriftReport;
import org.coffeecontrol.remote.api.MachineRecipes;
import org.coffeecontrol.remote.api.RecipeCard;
import org.coffeecontrol.remote.api.RecipeCardEntry;
import org.coffeecontrol.remote.api.RecipeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/remote/recipes}: a machine's recipes (RC-2), the clients' approved recipe cards and the fleet-wide
 * drift check. Reading or writing a machine answers asynchronously; an offline machine or a model without recipes
 * is a 409 with the reason, an out-of-range value a 400 naming {@code values.<field>}.
 */
@Component(service = RecipeResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/remote/recipes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecipeResource {

    /** {@code {"values": {"coffee_g": 9.5, "water_ml": 180}}}. */
    public record WriteRequest(Map<String, BigDecimal> values) {
    }

    /** The whole card and the version read ({@code 0} for a new card). */
    public record CardRequest(List<RecipeCardEntry> entries, Long version) {
    }

    private final RecipeService recipes;

    @Activate
    public RecipeResource(@Reference RecipeService recipes) {
        this.recipes = recipes;
    }

    @GET
    @Path("machines/{serial}")
    public CompletionStage<MachineRecipes> read(@Context SecurityContext sc, @PathParam("serial") String serial) {
        return RemoteResource.async(recipes.read(Callers.of(sc), serial));
    }

    @PUT
    @Path("machines/{serial}/{recipeId}")
    public CompletionStage<MachineRecipes> write(@Context SecurityContext sc, @PathParam("serial") String serial,
            @PathParam("recipeId") String recipeId, WriteRequest body) {
        var caller = Callers.of(sc);
        return RemoteResource.async(recipes.write(caller, serial, recipeId,
                body == null || body.values() == null ? Map.of() : body.values()));
    }

    @POST
    @Path("machines/{serial}/restore-card")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<MachineRecipes> restoreCard(@Context SecurityContext sc,
            @PathParam("serial") String serial) {
        return RemoteResource.async(recipes.restoreCard(Callers.of(sc), serial));
    }

    @GET
    @Path("cards/{clientId}")
    public RecipeCard card(@Context SecurityContext sc, @PathParam("clientId") long clientId) {
        return recipes.card(Callers.of(sc), clientId);
    }

    @PUT
    @Path("cards/{clientId}")
    public RecipeCard saveCard(@Context SecurityContext sc, @PathParam("clientId") long clientId, CardRequest body) {
        var caller = Callers.of(sc);
        if (body == null || body.version() == null) {
            throw new ValidationException("version", "the card's entries and the version read are required");
        }
        return recipes.saveCard(caller, clientId, body.entries(), body.version());
    }

    /** Reads every machine of the clients with a card: may take a while on a large fleet. */
    @GET
    @Path("drift")
    public CompletionStage<DriftReport> drift(@Context SecurityContext sc, @QueryParam("clientId") Long clientId) {
        return RemoteResource.async(recipes.drift(Callers.of(sc), clientId));
    }
}
