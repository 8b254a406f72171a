package org.coffeecontrol.rest.internal.health;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.security.PublicEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/health}, without authentication so that monitors and load balancers can call it. Deliberately
 * does not select the authentication filter: health must answer even while user management is down.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/health")
@PublicEndpoint
public class HealthResource {

    /** Checks come and go with their bundles; the list is replaced by SCR on every change. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<HealthCheck> checks = List.of();

    private final String version;

    @Activate
    public HealthResource(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = HealthReport.of(checks, version);
        return Response.status(report.httpStatus()).entity(report).build();
    }
}
