package org.coffeecontrol.ui.internal.layout;

import java.io.Serializable;

import com.vaadin.flow.component.Component;

/**
 * One item of the left menu.
 *
 * @param id              element id suffix, stable for browser tests ({@code menu-<id>})
 * @param labelKey        translation key of the label
 * @param route           the URL path the item opens
 * @param view            the route class; its {@code @Allowed} roles decide who sees the item
 * @param requiredService interface name of the feature service the view needs, or null when it only needs core;
 *                        the item is hidden while no such service is registered
 */
public record MenuEntry(String id, MenuSection section, String labelKey, String route,
        Class<? extends Component> view, String requiredService) implements Serializable {
}
