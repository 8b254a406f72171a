package org.coffeecontrol.rest.internal.errors;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one JSON shape every REST error has, so that clients need a single parser for failures.
 *
 * @param field         the offending input field or JSON path, when the error is about one
 * @param correlationId set for unexpected errors: the key to the log entry with the details
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String error, String field, String message, String correlationId) {

    public static ErrorBody of(int status, String field, String message) {
        return new ErrorBody(status, reasonPhrase(status), field, message, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }

    /** A 401 that makes clients (and browsers) offer Basic credentials. */
    public Response toChallenge() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"coffee\", charset=\"UTF-8\"").entity(this).build();
    }

    static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        // Response.Status lacks the WebDAV codes we use
        return switch (status) {
            case 422 -> "Unprocessable Entity";
            case 423 -> "Locked";
            default -> Response.Status.Family.familyOf(status).name();
        };
    }
}
