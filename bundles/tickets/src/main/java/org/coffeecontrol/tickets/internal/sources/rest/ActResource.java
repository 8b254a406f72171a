package org.coffeecontrol.tickets.internal.sources.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.tickets.api.ActDelivery;
import org.coffeecontrol.tickets.api.ServiceActData;
import org.coffeecontrol.tickets.api.ServiceActUpdate;
import org.coffeecontrol.tickets.api.ServiceActs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Service acts over REST (TKT-6), by ticket id. The engineer's signature travels as base64 PNG in
 * {@code engineerSignaturePng}.
 */
@Component(service = ActResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/tickets/acts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActResource {

    private final ServiceActs acts;

    @Activate
    public ActResource(@Reference ServiceActs acts) {
        this.acts = acts;
    }

    @GET
    @Path("{ticketId}")
    public ServiceActData get(@Context SecurityContext sc, @PathParam("ticketId") long ticketId) {
        return acts.act(Callers.of(sc), ticketId);
    }

    @PUT
    @Path("{ticketId}")
    public ServiceActData save(@Context SecurityContext sc, @PathParam("ticketId") long ticketId,
            ServiceActUpdate body) {
        if (body == null) {
            acts.act(Callers.of(sc), ticketId);
            throw new ValidationException("act", "a JSON body is required");
        }
        return acts.save(Callers.of(sc), ticketId, body);
    }

    /** The act as PDF, for download or print. */
    @GET
    @Path("{ticketId}/pdf")
    @Produces("application/pdf")
    public Response pdf(@Context SecurityContext sc, @PathParam("ticketId") long ticketId) {
        byte[] pdf = acts.pdf(Callers.of(sc), ticketId);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"act-" + ticketId + ".pdf\"").build();
    }

    /** E-mails the PDF to the POS's address. */
    @POST
    @Path("{ticketId}/send")
    public ActDelivery send(@Context SecurityContext sc, @PathParam("ticketId") long ticketId) {
        return acts.send(Callers.of(sc), ticketId);
    }
}
