package org.coffeecontrol.api.security;

import java.security.Principal;

/**
 * The principal the REST authentication filter puts into the JAX-RS {@code SecurityContext}; resources of any
 * bundle get the {@link Caller} from it.
 */
public record CallerPrincipal(Caller caller) implements Principal {
    @Override
    public String getName() {
        return caller.username();
    }
}
