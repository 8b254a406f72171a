package org.coffeecontrol.ui.internal.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import org.coffeecontrol.ui.internal.i18n.Translations;
import org.coffeecontrol.ui.internal.layout.MenuRegistry;
import org.coffeecontrol.ui.internal.monitoring.OverviewMarkers;
import org.coffeecontrol.ui.internal.services.ServiceProxies;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;

/**
 * Creates views and layouts through their constructors, passing the platform services they declare. Services are
 * handed over as {@link ServiceProxies proxies} so that a view never holds on to a service object that has since
 * been unregistered.
 */
final class ServiceInstantiator extends DefaultInstantiator {
    private static final long serialVersionUID = 1L;

    private final transient ServiceSource services;
    private final MenuRegistry menu;
    private final UiSettings settings;
    private final transient OverviewMarkers markers;
    private final Translations translations = new Translations();

    ServiceInstantiator(VaadinService service, ServiceSource services, MenuRegistry menu, UiSettings settings,
            OverviewMarkers markers) {
        super(service);
        this.services = services;
        this.menu = menu;
        this.settings = settings;
        this.markers = markers;
    }

    @Override
    public I18NProvider getI18NProvider() {
        return translations;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Optional<Constructor<?>> injectable = Arrays.stream(type.getConstructors())
                .filter(c -> c.getParameterCount() > 0)
                .filter(c -> Arrays.stream(c.getParameterTypes()).allMatch(this::canSupply))
                .max(Comparator.comparingInt(Constructor::getParameterCount));
        if (injectable.isEmpty()) {
            return super.getOrCreate(type);
        }
        Constructor<?> ctor = injectable.get();
        Object[] args = Arrays.stream(ctor.getParameterTypes()).map(this::supply).toArray();
        try {
            return type.cast(ctor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    boolean canSupply(Class<?> type) {
        return type == ServiceSource.class || type == MenuRegistry.class || type == UiSettings.class
                || type == OverviewMarkers.class || (type.isInterface() && type.getName().startsWith("org.coffeecontrol.api."));
    }

    private Object supply(Class<?> type) {
        if (type == ServiceSource.class) {
            return services;
        }
        if (type == MenuRegistry.class) {
            return menu;
        }
        if (type == UiSettings.class) {
            return settings;
        }
        if (type == OverviewMarkers.class) {
            return markers;
        }
        return ServiceProxies.proxy(services, type);
    }
}
