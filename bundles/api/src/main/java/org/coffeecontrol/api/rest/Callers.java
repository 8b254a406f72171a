package org.coffeecontrol.api.rest;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.CallerPrincipal;

/**
 * The authenticated {@link Caller} of a request, in one line per resource method, and the extension selection of an
 * authenticated JSON resource:
 *
 * <pre>{@code
 * @JaxrsExtensionSelect({ Callers.AUTH, Callers.JSON })
 * ...
 * public List<Ticket> mine(@Context SecurityContext sc) { return tickets.mine(Callers.of(sc)); }
 * }</pre>
 */
public final class Callers {

    /** The platform's authentication filter, which puts a {@link CallerPrincipal} into the security context. */
    public static final String AUTH = "(osgi.jaxrs.name=coffee.auth)";
    /** The platform's JSON provider. */
    public static final String JSON = "(osgi.jaxrs.media.type=application/json)";

    private Callers() {
    }

    /**
     * @throws NotAuthorizedException (401 with a Basic challenge) when the request was not authenticated, which only
     *                                happens to a resource that forgot to select {@link #AUTH}: it refuses rather
     *                                than serving anonymously
     */
    public static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof CallerPrincipal p) {
            return p.caller();
        }
        throw new NotAuthorizedException("authentication required", "Basic realm=\"coffee\", charset=\"UTF-8\"");
    }
}
