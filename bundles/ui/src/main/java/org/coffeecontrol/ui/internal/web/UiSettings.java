package org.coffeecontrol.ui.internal.web;

import java.io.Serializable;

/**
 * Configuration the views read (pid {@code org.coffeecontrol.ui}).
 *
 * @param tileUrl map tile URL template for the map views; empty when the installation has no tile server
 */
public record UiSettings(String tileUrl) implements Serializable {

    public UiSettings {
        tileUrl = tileUrl == null ? "" : tileUrl.trim();
    }
}
