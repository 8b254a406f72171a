package org.coffeecontrol.remote.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.rest.Callers;
import org.coffeecontrol.remote.api.DeferredQuery;
import org.coffeecontrol.remote.api.DeferredSqlService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/remote/deferred-sql}: deferred SQL files of machines (RC-4). */
@Component(service = DeferredSqlResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
@Path("/api/remote/deferred-sql")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeferredSqlResource {

    private final DeferredSqlService deferred;

    @Activate
    public DeferredSqlResource(@Reference DeferredSqlService deferred) {
        this.deferred = deferred;
    }

    /** {@code "content"}: the file's text, first line {@code Fast ID <id>}, then one statement. */
    public record CreateRequest(String serial, String content) {
    }

    /** The machine's deferred queries with their state and results, newest first. */
    @GET
    public List<DeferredQuery> list(@Context SecurityContext sc, @QueryParam("serial") String serial) {
        return deferred.list(Callers.of(sc), serial);
    }

    @GET
    @Path("{id}")
    public DeferredQuery get(@Context SecurityContext sc, @PathParam("id") long id) {
        return deferred.get(Callers.of(sc), id);
    }

    /** 201 with the registered query; 400 {@code field: content} without a Fast ID line or with a refused statement. */
    @POST
    public Response create(@Context SecurityContext sc, CreateRequest body) {
        if (body == null) {
            throw new ValidationException("content", "serial and content are required");
        }
        DeferredQuery q = deferred.create(Callers.of(sc), body.serial(), body.content());
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/remote/deferred-sql/" + q.id()).entity(q).build();
    }
}
