package org.coffeecontrol.rest.internal.auth;

import java.lang.reflect.Method;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import org.coffeecontrol.api.security.PublicEndpoint;
import org.coffeecontrol.rest.internal.errors.ErrorBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authenticates every request of the default application except {@link PublicEndpoint} methods and classes.
 * Post-matching (no {@code @PreMatching}) so that the matched method is known.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(BasicAuthFilter.NAME)
public class BasicAuthFilter implements ContainerRequestFilter {

    /** Resources that must never run unauthenticated select this extension by {@link #SELECT}. */
    public static final String NAME = "coffee.auth";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    private final Authenticator authenticator;

    @Context
    ResourceInfo resourceInfo;

    @Activate
    public BasicAuthFilter(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (resourceInfo != null && isPublic(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod())) {
            return;
        }
        Authenticator.Outcome outcome = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!outcome.isAuthenticated()) {
            ErrorBody body = ErrorBody.of(outcome.status(), null, outcome.message());
            request.abortWith(outcome.status() == 401 ? body.toChallenge() : body.toResponse());
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(outcome.caller(), secure));
    }

    /** Whether the method (or its class) is marked {@link PublicEndpoint}; unknown targets are not public. */
    public static boolean isPublic(Class<?> resourceClass, Method method) {
        if (method != null && (method.isAnnotationPresent(PublicEndpoint.class)
                || method.getDeclaringClass().isAnnotationPresent(PublicEndpoint.class))) {
            return true;
        }
        return resourceClass != null && resourceClass.isAnnotationPresent(PublicEndpoint.class);
    }
}
