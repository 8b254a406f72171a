package org.coffeecontrol.rest.internal.errors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the status (and headers such as {@code Allow} or {@code WWW-Authenticate}) of a JAX-RS exception but gives
 * it our JSON error body, so that a 404 for an unknown path looks like any other 404.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("coffee.errors.jaxrs")
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        String message = e.getMessage();
        if (isParameterConversionFailure(e)) {
            // JAX-RS answers 404 when a query/path parameter does not convert; the client sent a bad value
            status = 400;
            message = "a parameter has an invalid value: " + e.getCause().getMessage();
        } else if (status >= 500) {
            LOG.warn("JAX-RS error {}", status, e);
        }
        return Response.fromResponse(original).status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(status, null, message)).build();
    }

    /** CXF throws a plain ClientErrorException(404) for query parameters and a NotFoundException for path ones. */
    private static boolean isParameterConversionFailure(WebApplicationException e) {
        return e.getResponse().getStatus() == 404 && e.getCause() instanceof IllegalArgumentException;
    }
}
