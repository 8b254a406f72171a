package org.coffeecontrol.monitoring.internal.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.Notification;
import org.coffeecontrol.monitoring.api.Subscription;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The caller's own notifications panel (MON-7) and the points of sale they watch (MON-8). */
@Component(service = NotificationResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final MonitoringService monitoring;

    @Activate
    public NotificationResource(@Reference MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @GET
    @Path("notifications")
    public Page<Notification> notifications(@Context SecurityContext sc,
            @QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return monitoring.notifications(Callers.of(sc), unread, RestCallers.page(offset, limit));
    }

    @GET
    @Path("notifications/unread")
    public Map<String, Long> unread(@Context SecurityContext sc) {
        return Map.of("unread", monitoring.unreadNotifications(Callers.of(sc)));
    }

    /** Marks the given ids read; an empty or missing list marks all of them. */
    @POST
    @Path("notifications/read")
    public Map<String, Integer> markRead(@Context SecurityContext sc, List<Long> ids) {
        return Map.of("updated", monitoring.markRead(Callers.of(sc), ids == null ? List.of() : ids));
    }

    /** The panel's "clear": removes the read ones. */
    @DELETE
    @Path("notifications/read")
    public Map<String, Integer> clearRead(@Context SecurityContext sc) {
        return Map.of("deleted", monitoring.clearRead(Callers.of(sc)));
    }

    @GET
    @Path("subscriptions")
    public List<Subscription> subscriptions(@Context SecurityContext sc) {
        return monitoring.subscriptions(Callers.of(sc));
    }

    /** Idempotent: subscribing again only changes {@code email}. */
    @PUT
    @Path("subscriptions/{posId}")
    public Subscription subscribe(@Context SecurityContext sc, @PathParam("posId") long posId,
            @QueryParam("email") @DefaultValue("true") boolean email) {
        return monitoring.subscribe(Callers.of(sc), posId, email);
    }

    @DELETE
    @Path("subscriptions/{posId}")
    public void unsubscribe(@Context SecurityContext sc, @PathParam("posId") long posId) {
        if (!monitoring.unsubscribe(Callers.of(sc), posId)) {
            throw new NotFoundException("not subscribed to point of sale " + posId);
        }
    }
}
