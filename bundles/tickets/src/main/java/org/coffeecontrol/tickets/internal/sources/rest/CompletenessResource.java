package org.coffeecontrol.tickets.internal.sources.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.tickets.api.CompletenessCheck;
import org.coffeecontrol.tickets.api.CompletenessFinding;
import org.coffeecontrol.tickets.api.CompletenessRun;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The completeness check over REST (TKT-7): run it now, the runs, the findings of a run (0: the latest). */
@Component(service = CompletenessResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/tickets/completeness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompletenessResource {

    private final CompletenessCheck check;

    @Activate
    public CompletenessResource(@Reference CompletenessCheck check) {
        this.check = check;
    }

    @POST
    @Path("runs")
    public CompletenessRun run(@Context SecurityContext sc) {
        return check.run(Callers.of(sc));
    }

    @GET
    @Path("runs")
    public List<CompletenessRun> runs(@Context SecurityContext sc,
            @QueryParam("limit") @DefaultValue("30") int limit) {
        return check.runs(Callers.of(sc), limit);
    }

    @GET
    @Path("runs/{runId}/findings")
    public List<CompletenessFinding> findings(@Context SecurityContext sc, @PathParam("runId") long runId) {
        return check.findings(Callers.of(sc), runId);
    }
}
