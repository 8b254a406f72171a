package org.coffeecontrol.api.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.coffeecontrol.api.AccessDeniedException;

/**
 * The authenticated user on whose behalf a service call runs. Every service method takes one and checks it:
 * REST, the web UI and the shell all go through the same checks.
 *
 * @param allClients true when the user sees every client (admins and monitoring-centre staff); otherwise only
 *                   {@code clientIds}
 */
public record Caller(String username, Set<Role> roles, boolean allClients, Set<Long> clientIds) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        clientIds = Set.copyOf(clientIds);
        allClients = allClients || roles.contains(Role.ADMIN);
    }

    /** The platform itself (scheduled jobs, the ingest pipeline): sees and may do everything. */
    public static Caller system() {
        return new Caller("system", EnumSet.of(Role.ADMIN), true, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    public boolean canSeeClient(long clientId) {
        return allClients || clientIds.contains(clientId);
    }

    /** Throws unless the caller holds one of the roles; ADMIN passes every check. */
    public void require(String action, Role... anyOf) {
        if (has(Role.ADMIN) || hasAny(anyOf)) {
            return;
        }
        throw new AccessDeniedException(username + " may not " + action + " (needs one of "
                + Arrays.stream(anyOf).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
}
