package org.coffeecontrol.tickets.internal.sources.rest;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.CallerPrincipal;

/** The authenticated caller of a request, and the extension selection every resource here uses. */
final class Callers {

    static final String AUTH = "(osgi.jaxrs.name=coffee.auth)";
    static final String JSON = "(osgi.jaxrs.media.type=application/json)";

    private Callers() {
    }

    static Caller of(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() instanceof CallerPrincipal p) {
            return p.caller();
        }
        // only reachable without the authentication filter: refuse rather than serve anonymously
        throw new NotAuthorizedException("Basic realm=\"coffee\"");
    }
}
