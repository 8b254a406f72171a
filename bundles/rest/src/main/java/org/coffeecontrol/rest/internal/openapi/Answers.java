package org.coffeecontrol.rest.internal.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method returning {@code javax.ws.rs.core.Response} answers, for the OpenAPI document: the
 * generator cannot see a {@code Response}'s status or entity, and otherwise assumes a POST creates (201).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Answers.List.class)
public @interface Answers {

    int status();

    String description();

    /** The JSON entity of the answer; {@code Void} for none. */
    Class<?> entity() default Void.class;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Answers[] value();
    }
}
