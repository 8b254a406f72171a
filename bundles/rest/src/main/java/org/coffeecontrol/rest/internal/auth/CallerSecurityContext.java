package org.coffeecontrol.rest.internal.auth;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.CallerPrincipal;
import org.coffeecontrol.api.security.Role;

/** What resources see after authentication: {@code isUserInRole} speaks our {@link Role} names. */
record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return new CallerPrincipal(caller);
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.roles().stream().anyMatch(r -> r.name().equalsIgnoreCase(role));
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
