package org.coffeecontrol.rest.internal.errors;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bug or an outage: the details go to the log under a correlation id; the client gets the id only, since stack
 * traces tell an attacker about our internals and tell a user nothing.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("coffee.errors.unexpected")
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error, correlation id {}", id, e);
        return new ErrorBody(500, ErrorBody.reasonPhrase(500), null,
                "unexpected error; quote correlation id " + id + " when reporting it", id).toResponse();
    }
}
