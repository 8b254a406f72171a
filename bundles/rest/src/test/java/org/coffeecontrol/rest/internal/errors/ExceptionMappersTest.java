package org.coffeecontrol.rest.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.ValidationException;
import org.junit.jupiter.api.Test;

class ExceptionMappersTest {

    private final CoffeeExceptionMapper expected = new CoffeeExceptionMapper();
    private final WebApplicationExceptionMapper jaxrs = new WebApplicationExceptionMapper();
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    private static ErrorBody body(Response r) {
        return (ErrorBody) r.getEntity();
    }

    @Test
    void validationIs400WithTheFieldAndTheBareMessage() {
        Response r = expected.toResponse(new ValidationException("latitude", "must be between -90 and 90"));
        assertEquals(400, r.getStatus());
        assertEquals(new ErrorBody(400, "Bad Request", "latitude", "must be between -90 and 90", null), body(r));
        assertEquals("application/json", r.getMediaType().toString());
    }

    @Test
    void serviceFailuresMapToTheirStatus() {
        assertEquals(404, expected.toResponse(new org.coffeecontrol.api.NotFoundException("Client", 9)).getStatus());
        assertEquals("Client 9 not found",
                body(expected.toResponse(new org.coffeecontrol.api.NotFoundException("Client", 9))).message());
        assertEquals(409, expected.toResponse(new ConflictException("stale version")).getStatus());
        Response denied = expected.toResponse(new AccessDeniedException("eve may not delete clients"));
        assertEquals(403, denied.getStatus());
        assertEquals("Forbidden", body(denied).error());
    }

    @Test
    void jaxRsExceptionsKeepStatusAndHeadersButGetOurBody() {
        Response r = jaxrs.toResponse(new NotAllowedException("GET", new String[] { "PUT" }));
        assertEquals(405, r.getStatus());
        assertNotNull(r.getHeaderString(HttpHeaders.ALLOW));
        assertEquals(405, body(r).status());
        assertEquals("Method Not Allowed", body(r).error());
    }

    @Test
    void jaxRsExceptionWithItsOwnEntityPassesUnchanged() {
        Response own = ErrorBody.of(400, "x", "bad x").toResponse();
        assertSame(own, jaxrs.toResponse(new WebApplicationException(own)));
    }

    @Test
    void unconvertibleParameterIs400NotA404() {
        NumberFormatException cause = new NumberFormatException("For input string: \"abc\"");
        Response path = jaxrs.toResponse(new NotFoundException(cause));
        assertEquals(400, path.getStatus());
        assertTrue(body(path).message().contains("abc"), body(path).message());
        Response query = jaxrs.toResponse(new ClientErrorException(404, cause));
        assertEquals(400, query.getStatus());
    }

    @Test
    void unknownPathStays404() {
        assertEquals(404, jaxrs.toResponse(new NotFoundException()).getStatus());
    }

    @Test
    void unexpectedIs500WithCorrelationIdAndNoInternals() {
        Response r = unexpected.toResponse(new IllegalStateException("connection pool exhausted at com.example.Secret"));
        assertEquals(500, r.getStatus());
        ErrorBody b = body(r);
        assertNotNull(b.correlationId());
        assertTrue(b.message().contains(b.correlationId()));
        assertFalse(b.message().contains("Secret"), "internals leak: " + b.message());
        assertNull(b.field());
    }

    @Test
    void lockedHasAReasonPhrase() {
        assertEquals("Locked", ErrorBody.of(423, null, "locked").error());
    }
}
