package org.coffeecontrol.rest.internal.workspace;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.api.workspace.WorkspaceItem;
import org.coffeecontrol.api.workspace.WorkspaceService;
import org.coffeecontrol.rest.internal.auth.BasicAuthFilter;
import org.coffeecontrol.rest.internal.json.JsonProvider;
import org.coffeecontrol.rest.internal.resource.RequestBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The caller's own history (COL-2) and favourites (COL-3). */
@Component(service = WorkspaceResource.class)
@JaxrsResource
// both selects in one annotation: two annotations writing the same property keep only one of them
@JaxrsExtensionSelect({ BasicAuthFilter.SELECT, JsonProvider.SELECT })
@Path("/api/workspace")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private final WorkspaceService workspace;

    @Activate
    public WorkspaceResource(@Reference WorkspaceService workspace) {
        this.workspace = workspace;
    }

    @GET
    @Path("history")
    public List<WorkspaceItem> history(@Context SecurityContext sc, @QueryParam("limit") @DefaultValue("50") int limit) {
        return workspace.history(Callers.of(sc), limit);
    }

    @POST
    @Path("history")
    public void opened(@Context SecurityContext sc, WorkspaceEntry entry) {
        WorkspaceEntry e = RequestBody.required(entry);
        workspace.opened(Callers.of(sc), e.location(), e.title());
    }

    @DELETE
    @Path("history")
    public void clearHistory(@Context SecurityContext sc) {
        workspace.clearHistory(Callers.of(sc));
    }

    @GET
    @Path("favourites")
    public List<WorkspaceItem> favourites(@Context SecurityContext sc) {
        return workspace.favourites(Callers.of(sc));
    }

    /** Pinning an already pinned location refreshes its title, so this is 200 with the item, not 201. */
    @POST
    @Path("favourites")
    public WorkspaceItem pin(@Context SecurityContext sc, WorkspaceEntry entry) {
        WorkspaceEntry e = RequestBody.required(entry);
        return workspace.pin(Callers.of(sc), e.location(), e.title());
    }

    @DELETE
    @Path("favourites")
    public void unpin(@Context SecurityContext sc, @QueryParam("location") String location) {
        if (location == null || location.isBlank()) {
            throw new ValidationException("location", "is required");
        }
        workspace.unpin(Callers.of(sc), location);
    }
}
