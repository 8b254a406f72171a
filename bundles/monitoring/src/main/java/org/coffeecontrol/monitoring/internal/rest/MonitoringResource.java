package org.coffeecontrol.monitoring.internal.rest;

import java.net.URI;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.monitoring.api.DrinksSold;
import org.coffeecontrol.monitoring.api.JournalEntry;
import org.coffeecontrol.monitoring.api.JournalQuery;
import org.coffeecontrol.monitoring.api.MachineState;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.NewJournalEntry;
import org.coffeecontrol.monitoring.api.PosOverview;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.monitoring.api.Uptime;
import org.coffeecontrol.api.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The monitoring centre over REST: overview, machine state, problems, uptime, drinks and the journal. */
@Component(service = MonitoringResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MonitoringResource {

    private final MonitoringService monitoring;

    @Activate
    public MonitoringResource(@Reference MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    /** MON-3: every visible POS with the worst state of its machines. */
    @GET
    @Path("overview")
    public List<PosOverview> overview(@Context SecurityContext sc) {
        return monitoring.overview(Callers.of(sc));
    }

    @GET
    @Path("machines")
    public List<MachineState> machines(@Context SecurityContext sc, @QueryParam("posId") Long posId) {
        return monitoring.machines(Callers.of(sc), posId);
    }

    /** MON-6. */
    @GET
    @Path("machines/{id}")
    public MachineState machine(@Context SecurityContext sc, @PathParam("id") long id) {
        return monitoring.machine(Callers.of(sc), id);
    }

    /** Newest first; {@code open=true} leaves out the closed ones. */
    @GET
    @Path("problems")
    public Page<Problem> problems(@Context SecurityContext sc, @QueryParam("clientId") Long clientId,
            @QueryParam("posId") Long posId, @QueryParam("equipmentId") Long equipmentId,
            @QueryParam("open") @DefaultValue("false") boolean open, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return monitoring.problems(Callers.of(sc), new ProblemQuery(clientId, posId, equipmentId, open,
                RestCallers.page(offset, limit)));
    }

    /** {@code scope=fleet|client|pos|equipment} with {@code id}; days {@code from}..{@code to}, default today. */
    @GET
    @Path("uptime")
    public Uptime uptime(@Context SecurityContext sc, @QueryParam("scope") String scope, @QueryParam("id") Long id,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        RestCallers.Figures q = RestCallers.figures(monitoring.zone(), scope, id, from, to);
        return monitoring.uptime(Callers.of(sc), q.scope(), q.from(), q.to());
    }

    @GET
    @Path("drinks")
    public DrinksSold drinks(@Context SecurityContext sc, @QueryParam("scope") String scope, @QueryParam("id") Long id,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        RestCallers.Figures q = RestCallers.figures(monitoring.zone(), scope, id, from, to);
        return monitoring.drinks(Callers.of(sc), q.scope(), q.from(), q.to());
    }

    /** MON-5: one machine's journal ({@code equipmentId}) or a POS's with its machines' ({@code posId}). */
    @GET
    @Path("journal")
    public Page<JournalEntry> journal(@Context SecurityContext sc, @QueryParam("equipmentId") Long equipmentId,
            @QueryParam("posId") Long posId, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return monitoring.journal(Callers.of(sc), new JournalQuery(equipmentId, posId,
                RestCallers.page(offset, limit)));
    }

    /** Entries are append-only: a correction is a new entry with {@code correctionOf}. */
    @POST
    @Path("journal")
    public Response addJournalEntry(@Context SecurityContext sc, NewJournalEntry entry) {
        if (entry == null) {
            throw new ValidationException("body", "a journal entry is required");
        }
        JournalEntry saved = monitoring.addJournalEntry(Callers.of(sc), entry);
        return Response.created(URI.create("/api/monitoring/journal?posId=" + saved.posId())).entity(saved).build();
    }
}
