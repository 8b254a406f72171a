package org.coffeecontrol.core.internal.telemetry;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * A machine's upload with a Content-Type header JAX-RS cannot parse would be refused with 415 before our resource
 * sees it, and the payload would be lost. Before matching, such a header is swapped for
 * {@code application/octet-stream} and the original handed on in {@link #ORIGINAL_CONTENT_TYPE}, so the batch
 * reaches the ingest and, undecodable as it is, is kept as a dead letter with the header as sent.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("coffee.telemetry.content-type")
@PreMatching
public class TelemetryContentTypeFilter implements ContainerRequestFilter {

    /** Set only by this filter; a client sending it has it removed. */
    static final String ORIGINAL_CONTENT_TYPE = "X-Coffee-Original-Content-Type";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("api/telemetry/")) {
            return;
        }
        request.getHeaders().remove(ORIGINAL_CONTENT_TYPE);
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (sent != null && !parses(sent)) {
            request.getHeaders().putSingle(ORIGINAL_CONTENT_TYPE, sent);
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
        }
    }

    static boolean parses(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
