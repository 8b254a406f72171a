package org.coffeecontrol.rest.internal.auth;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.CallerPrincipal;
import org.coffeecontrol.rest.internal.errors.ErrorBody;

/** The authenticated {@link Caller} of a request, in one line per resource method. */
public final class Callers {

    private Callers() {
    }

    /**
     * @throws NotAuthorizedException when the request was not authenticated, e.g. a resource that forgot to select
     *                                the authentication filter
     */
    public static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof CallerPrincipal p) {
            return p.caller();
        }
        throw new NotAuthorizedException(ErrorBody.of(401, null, "authentication required").toChallenge());
    }
}
