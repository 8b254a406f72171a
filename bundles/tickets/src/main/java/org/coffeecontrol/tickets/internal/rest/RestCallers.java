package org.coffeecontrol.tickets.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;


import org.coffeecontrol.api.ValidationException;

/** Times and raw bodies of the ticket resources. */
final class RestCallers {

    private RestCallers() {
    }

    /** ISO instant ({@code 2026-12-01T00:00:00Z}); missing means null. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "'" + value + "' is not an instant like 2026-12-01T00:00:00Z");
        }
    }

    /** Reads at most {@code max} bytes; one more means the body is too large. */
    static byte[] body(InputStream in, long max, String field) throws IOException {
        byte[] content = in == null ? new byte[0] : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (content.length > max) {
            throw new ValidationException(field, "larger than the limit of " + max + " bytes");
        }
        return content;
    }
}
