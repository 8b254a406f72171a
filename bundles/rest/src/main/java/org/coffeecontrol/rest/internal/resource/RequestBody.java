package org.coffeecontrol.rest.internal.resource;

import org.coffeecontrol.api.ValidationException;

/** JAX-RS hands a resource null when a request has no body at all; that is the client's mistake, not ours. */
public final class RequestBody {

    private RequestBody() {
    }

    /** @throws ValidationException naming {@code body} when there is none */
    public static <T> T required(T body) {
        if (body == null) {
            throw new ValidationException("body", "a JSON body is required");
        }
        return body;
    }
}
