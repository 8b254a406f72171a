package org.coffeecontrol.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource method (or class) that the REST authentication filter lets through without user
 * credentials: the health check, the OpenAPI document, and machine endpoints that check their own secret.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface PublicEndpoint {
}
