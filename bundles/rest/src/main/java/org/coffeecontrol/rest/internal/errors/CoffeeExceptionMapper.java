package org.coffeecontrol.rest.internal.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The services' expected failures become 400/403/404/409 with the service's message. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("coffee.errors.expected")
public class CoffeeExceptionMapper implements ExceptionMapper<CoffeeException> {

    @Override
    public Response toResponse(CoffeeException e) {
        return toBody(e).toResponse();
    }

    static ErrorBody toBody(CoffeeException e) {
        if (e instanceof ValidationException v) {
            return ErrorBody.of(400, v.field(), v.detail());
        }
        if (e instanceof NotFoundException) {
            return ErrorBody.of(404, null, e.getMessage());
        }
        if (e instanceof ConflictException) {
            return ErrorBody.of(409, null, e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return ErrorBody.of(403, null, e.getMessage());
        }
        // a CoffeeException subclass added to the api later is still an expected failure caused by the request
        return ErrorBody.of(400, null, e.getMessage());
    }
}
