package org.coffeecontrol.rest.internal.json;

import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.coffeecontrol.api.ValidationException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's failures into a field path and a sentence a client developer can act on. Jackson's own messages
 * name Java classes and source positions of our code, which mean nothing to an API client.
 */
public record JsonInputError(String field, String message) {

    /** The field name used when the problem is the body as a whole. */
    public static final String BODY = "body";

    public static JsonInputError of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            return ofMapping(m);
        }
        return new JsonInputError(BODY, "malformed JSON" + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
    }

    private static JsonInputError ofMapping(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            String knownText = known == null || known.isEmpty() ? ""
                    : "; known properties: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new JsonInputError(path, "unknown property '" + u.getPropertyName() + "'" + knownText);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ValidationException v) {
            // a record's compact constructor validated its own input: keep its field, nested under our path
            String field = path.equals(BODY) ? v.field() : path + "." + v.field();
            return new JsonInputError(field, v.detail());
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new JsonInputError(path, "invalid value: " + firstLine(String.valueOf(cause.getMessage())));
        }
        if (e instanceof InvalidFormatException f) {
            return new JsonInputError(path, "'" + f.getValue() + "' is not " + describe(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return new JsonInputError(path, "expected " + describe(mi.getTargetType()));
        }
        return new JsonInputError(path, firstLine(e.getOriginalMessage()));
    }

    /** {@code items[2].name}: the path as a JavaScript client would write it. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? BODY : sb.toString();
    }

    static String describe(Type type) {
        if (!(type instanceof Class<?> c)) {
            return "a value of type " + type.getTypeName();
        }
        if (c.isEnum()) {
            return "one of " + Arrays.stream(c.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return "a string";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "a boolean (true or false)";
        }
        if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
                || c == Long.class || c == Short.class || c == Byte.class) {
            return "an integer";
        }
        if (c == double.class || c == float.class || Number.class.isAssignableFrom(c)) {
            return "a number";
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return "an ISO-8601 timestamp such as 2024-05-31T08:15:00Z";
        }
        if (c == LocalDate.class) {
            return "an ISO-8601 date such as 2024-05-31";
        }
        if (c == LocalDateTime.class) {
            return "an ISO-8601 local date-time such as 2024-05-31T08:15:00";
        }
        if (c == LocalTime.class) {
            return "a time of day such as 08:15";
        }
        if (c.isArray() || Collection.class.isAssignableFrom(c)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(c) || c.isRecord()) {
            return "an object";
        }
        return "a " + c.getSimpleName();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
