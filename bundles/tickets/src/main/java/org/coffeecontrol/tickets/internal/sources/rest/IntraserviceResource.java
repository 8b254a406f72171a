package org.coffeecontrol.tickets.internal.sources.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.IntraserviceSync;
import org.coffeecontrol.tickets.api.IntraserviceSyncResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Runs the Intraservice synchronisation now. Answers 400 while the connector is not configured. */
@Component(service = IntraserviceResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/tickets/intraservice")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntraserviceResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile IntraserviceSync sync;

    @POST
    @Path("sync")
    public IntraserviceSyncResult sync(@Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        // the role first: a caller who may not sync learns nothing about the configuration
        caller.require("synchronise with Intraservice", Role.OPERATOR, Role.SERVICE_ADMIN);
        IntraserviceSync s = sync;
        if (s == null) {
            throw new ValidationException("intraservice", "the connector is not configured "
                    + "(org.coffeecontrol.tickets.intraservice)");
        }
        return s.sync(caller);
    }
}
