package org.coffeecontrol.tickets.internal.sources.rest;

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

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.tickets.api.InboxItem;
import org.coffeecontrol.tickets.api.MailPollResult;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketInbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Mail triage over REST (TKT-2): what the ticket mailbox brought, assigning a triage mail to a POS, polling now. */
@Component(service = InboxResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/tickets/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboxResource {

    /** Body of assign: the POS (required) and optionally its machine. */
    public record Assignment(Long posId, Long equipmentId) {
    }

    /** Body of dismiss. */
    public record Dismissal(String reason) {
    }

    private final TicketInbox inbox;

    @Activate
    public InboxResource(@Reference TicketInbox inbox) {
        this.inbox = inbox;
    }

    /** Newest first; {@code triage=true} lists only what waits for a person. */
    @GET
    public Page<InboxItem> list(@Context SecurityContext sc, @QueryParam("triage") @DefaultValue("false") boolean triage,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return inbox.list(Callers.of(sc), triage, new PageRequest(offset, limit));
    }

    @GET
    @Path("{id}")
    public InboxItem get(@Context SecurityContext sc, @PathParam("id") long id) {
        return inbox.get(Callers.of(sc), id);
    }

    /** Opens a ticket at the chosen POS from a triage mail; its files go along. */
    @POST
    @Path("{id}/assign")
    public Ticket assign(@Context SecurityContext sc, @PathParam("id") long id, Assignment body) {
        if (body == null || body.posId() == null) {
            // the role and the item are checked first, so a foreign id is a 404 whatever the body
            inbox.get(Callers.of(sc), id);
            throw new ValidationException("posId", "is required");
        }
        return inbox.assign(Callers.of(sc), id, body.posId(), body.equipmentId());
    }

    @POST
    @Path("{id}/dismiss")
    public InboxItem dismiss(@Context SecurityContext sc, @PathParam("id") long id, Dismissal body) {
        return inbox.dismiss(Callers.of(sc), id, body == null ? null : body.reason());
    }

    /** Reads the mailbox now. */
    @POST
    @Path("poll")
    public MailPollResult poll(@Context SecurityContext sc) {
        return inbox.poll(Callers.of(sc));
    }
}
