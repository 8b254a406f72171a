package org.coffeecontrol.ui.internal.services;

import java.util.List;
import java.util.Optional;

/**
 * Where the UI finds the platform's services. In Karaf it tracks the OSGi registry, in the dev server it is a
 * plain map. Lookups are dynamic on purpose: a service that goes away or restarts must not take Jetty and every
 * open session with it.
 */
public interface ServiceSource {

    /** The current best service of this type, if one is registered right now. */
    <T> Optional<T> find(Class<T> type);

    /** Every service of this type registered right now, e.g. all machine drivers. */
    <T> List<T> all(Class<T> type);

    /**
     * Whether a service with this interface name is registered. Takes a name, not a class, so that menu entries of
     * feature bundles can be declared without the UI importing their packages.
     */
    boolean isPresent(String serviceInterfaceName);

    /** The current service, or {@link ServiceUnavailableException} for the UI to show. */
    default <T> T require(Class<T> type) {
        return find(type).orElseThrow(() -> new ServiceUnavailableException(type.getSimpleName()));
    }
}
