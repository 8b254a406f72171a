package org.coffeecontrol.ui.internal.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.coffeecontrol.api.security.Role;

/**
 * The roles that may open a view. Admins may open every view. An empty list means any signed-in user. Views
 * without this annotation are refused to everyone but admins, so a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Allowed {
    Role[] value() default {};
}
