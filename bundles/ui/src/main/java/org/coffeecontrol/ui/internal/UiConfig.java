package org.coffeecontrol.ui.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Coffee Control web UI", description = "The embedded Jetty serving the Vaadin UI")
public @interface UiConfig {

    @AttributeDefinition(description = "HTTP port of the web UI")
    int port() default 8080;

    @AttributeDefinition(description = "Address to bind; empty binds every interface")
    String host() default "";

    @AttributeDefinition(name = "tile.url", description = "Map tile URL template, e.g. https://tile.example/{z}/{x}/{y}.png")
    String tile_url() default "";
}
