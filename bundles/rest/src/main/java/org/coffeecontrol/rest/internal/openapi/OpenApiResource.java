package org.coffeecontrol.rest.internal.openapi;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.security.PublicEndpoint;
import org.coffeecontrol.rest.internal.json.JsonProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * {@code GET /api/openapi.json}, generated from the JAX-RS resources registered right now by any bundle, and
 * {@code GET /api/docs}, swagger-ui pointed at it. Both public: the document describes, it grants nothing.
 * <p>
 * A ServiceTracker rather than a DS reference: resources are registered under their own classes, which no
 * reference interface could name, and the filter alone must select them.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("/api")
@PublicEndpoint
public class OpenApiResource {

    static final String TITLE = "Coffee Control API";
    /** The files of the swagger-ui webjar that bnd embeds (see bnd.bnd); nothing else is served. */
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui-bundle.js", "application/javascript",
            "swagger-ui.css", "text/css",
            "favicon-32x32.png", "image/png");
    private static final String OWN_FILE = "docs-init.js";
    /** The property SCR sets on every component's service (ComponentConstants.COMPONENT_NAME). */
    private static final String COMPONENT_NAME = "component.name";

    private final BundleContext context;
    private final ServiceTracker<Object, Class<?>> resources;
    private final String version;
    private final String swaggerUiRoot;
    private volatile Generated cached;

    private record Generated(int trackingCount, Map<String, Object> document) {
    }

    @Activate
    public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        this.version = context.getBundle().getVersion().toString();
        this.swaggerUiRoot = "META-INF/resources/webjars/swagger-ui/"
                + context.getBundle().getHeaders().get("Coffee-SwaggerUi-Version") + "/";
        String filter = "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)";
        this.resources = new ServiceTracker<>(context, context.createFilter(filter), new ResourceClasses());
        // all services, whatever class space their (unused by us) interfaces come from
        this.resources.open(true);
    }

    @Deactivate
    void close() {
        resources.close();
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> openApi() {
        Generated g = cached;
        int count = resources.getTrackingCount();
        if (g == null || g.trackingCount() != count) {
            List<Class<?>> classes = new ArrayList<>(resources.getTracked().values());
            // not tracked, see ResourceClasses
            if (!classes.contains(getClass())) {
                classes.add(getClass());
            }
            g = new Generated(count, OpenApiGenerator.generate(classes, TITLE, version));
            cached = g;
        }
        return g.document();
    }

    @GET
    @Path("docs")
    @Produces(MediaType.TEXT_HTML)
    public Response docs(@Context UriInfo uriInfo) {
        // the page links its files relative to /api/docs; from /api/docs/ they would resolve one level too deep
        if (uriInfo.getRequestUri().getPath().endsWith("/")) {
            URI withoutSlash = uriInfo.getBaseUriBuilder().path("api/docs").build();
            return Response.seeOther(withoutSlash).build();
        }
        return Response.ok(getClass().getResourceAsStream("docs.html"), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    @GET
    @Path("docs/{file}")
    public Response docsFile(@PathParam("file") String file) {
        InputStream in;
        String type;
        if (OWN_FILE.equals(file)) {
            in = getClass().getResourceAsStream(OWN_FILE);
            type = "application/javascript";
        } else if (SWAGGER_FILES.containsKey(file)) {
            URL url = getClass().getClassLoader().getResource(swaggerUiRoot + file);
            in = url == null ? null : openQuietly(url);
            type = SWAGGER_FILES.get(file);
        } else {
            in = null;
            type = null;
        }
        if (in == null) {
            throw new NotFoundException("file", file);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) TimeUnit.DAYS.toSeconds(1));
        return Response.ok(in, type).cacheControl(cache).build();
    }

    private static InputStream openQuietly(URL url) {
        try {
            return url.openStream();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private final class ResourceClasses implements ServiceTrackerCustomizer<Object, Class<?>> {
        @Override
        public Class<?> addingService(ServiceReference<Object> reference) {
            if (OpenApiResource.class.getName().equals(reference.getProperty(COMPONENT_NAME))) {
                // getting ourselves while we are being activated is a cycle the framework logs as an error
                return null;
            }
            Object service = context.getService(reference);
            return service == null ? null : service.getClass();
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Class<?> type) {
            // the class does not change with the properties
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Class<?> type) {
            context.ungetService(reference);
        }
    }
}
