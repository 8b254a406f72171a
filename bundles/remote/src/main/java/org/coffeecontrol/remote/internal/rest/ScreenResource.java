package org.coffeecontrol.remote.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.remote.api.RemoteScreen;
import org.coffeecontrol.remote.api.RemoteScreenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/remote/screen}: VNC access data of a machine (RC-7); the password only for permitted roles. */
@Component(service = ScreenResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/remote/screen")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScreenResource {

    /** {@code password}: absent = keep the stored one, empty = remove it. */
    public record ScreenRequest(String host, Integer port, String password) {
    }

    private final RemoteScreenService screens;

    @Activate
    public ScreenResource(@Reference RemoteScreenService screens) {
        this.screens = screens;
    }

    @GET
    @Path("machines/{serial}")
    public RemoteScreen screen(@Context SecurityContext sc, @PathParam("serial") String serial) {
        return screens.screen(Callers.of(sc), serial);
    }

    @PUT
    @Path("machines/{serial}")
    public RemoteScreen setScreen(@Context SecurityContext sc, @PathParam("serial") String serial,
            ScreenRequest body) {
        var caller = Callers.of(sc);
        ScreenRequest b = body == null ? new ScreenRequest(null, null, null) : body;
        return screens.setScreen(caller, serial, b.host(), b.port(),
                b.password() == null ? null : b.password().toCharArray());
    }
}
