package org.coffeecontrol.ui.internal.services;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Tracks services by interface name, opening one tracker per type on first use. */
public final class OsgiServiceSource implements ServiceSource, AutoCloseable {

    private final BundleContext context;
    private final Map<String, ServiceTracker<Object, Object>> trackers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public OsgiServiceSource(BundleContext context) {
        this.context = context;
    }

    private ServiceTracker<Object, Object> tracker(String name) {
        if (closed) {
            throw new ServiceUnavailableException(name);
        }
        return trackers.computeIfAbsent(name, n -> {
            ServiceTracker<Object, Object> t = new ServiceTracker<>(context, n, null);
            t.open();
            return t;
        });
    }

    @Override
    public <T> Optional<T> find(Class<T> type) {
        Object service = tracker(type.getName()).getService();
        return type.isInstance(service) ? Optional.of(type.cast(service)) : Optional.empty();
    }

    @Override
    public <T> List<T> all(Class<T> type) {
        Object[] services = tracker(type.getName()).getServices();
        List<T> out = new ArrayList<>();
        if (services != null) {
            Arrays.stream(services).filter(type::isInstance).map(type::cast).forEach(out::add);
        }
        return out;
    }

    @Override
    public boolean isPresent(String serviceInterfaceName) {
        try {
            // By reference rather than by tracker: the UI may not be able to load the feature's class at all.
            ServiceReference<?>[] refs = context.getAllServiceReferences(serviceInterfaceName, null);
            return refs != null && refs.length > 0;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
    }
}
