package org.coffeecontrol.ui.internal.services;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Stand-ins that views hold instead of the services themselves: each call goes to the service registered at that
 * moment, so a view created before a bundle restart keeps working after it.
 */
public final class ServiceProxies {

    private ServiceProxies() {
    }

    public static <T> T proxy(ServiceSource source, Class<T> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type + " is not an interface");
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "proxy of " + type.getName();
                };
            }
            Object target = source.require(type);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }
}
