package org.coffeecontrol.ui.internal.dev;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.coffeecontrol.ui.internal.services.ServiceSource;

/** Services from a map, for running the UI outside OSGi. Services can be removed to try the UI without them. */
public final class MapServiceSource implements ServiceSource {

    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    public <T> MapServiceSource put(Class<T> type, T service) {
        services.put(type, service);
        return this;
    }

    public void remove(Class<?> type) {
        services.remove(type);
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    @Override
    public <T> List<T> all(Class<T> type) {
        return find(type).stream().toList();
    }

    @Override
    public boolean isPresent(String serviceInterfaceName) {
        return services.keySet().stream().anyMatch(c -> c.getName().equals(serviceInterfaceName));
    }
}
