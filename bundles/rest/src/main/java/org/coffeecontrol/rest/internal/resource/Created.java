package org.coffeecontrol.rest.internal.resource;

import java.net.URI;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/** 201 with the new object and its address below the collection that was posted to. */
public final class Created {

    private Created() {
    }

    public static Response at(UriInfo uriInfo, Object id, Object entity) {
        URI location = uriInfo.getAbsolutePathBuilder().path(String.valueOf(id)).build();
        return Response.created(location).entity(entity).build();
    }
}
