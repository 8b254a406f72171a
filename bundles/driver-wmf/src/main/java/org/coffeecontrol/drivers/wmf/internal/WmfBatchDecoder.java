package org.coffeecontrol.drivers.wmf.internal;

import static org.coffeecontrol.driverkit.decode.BatchDecoding.shorten;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.coffeecontrol.driverkit.decode.BatchDecoding;
import org.coffeecontrol.driverkit.decode.PayloadRejected;

/** Turns one WMF JSON batch (format in the README) into canonical events, or says where it is wrong. */
final class WmfBatchDecoder {

    static final String PROTOCOL = "wmf-telemetry/1";

    private WmfBatchDecoder() {
    }

    static DecodeResult decode(TelemetryBatch batch) {
        return BatchDecoding.decode(batch, WmfBatchDecoder::events);
    }

    private static List<MachineEvent> events(TelemetryBatch batch) throws PayloadRejected {
        Object root;
        try {
            root = JsonReader.parse(BatchDecoding.utf8(batch.body()));
        } catch (JsonReader.SyntaxError e) {
            throw new PayloadRejected("not JSON: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> document)) {
            throw new PayloadRejected("the batch must be a JSON object");
        }
        String protocol = string(document, "protocol", "");
        if (!PROTOCOL.equals(protocol)) {
            throw new PayloadRejected("protocol: expected \"" + PROTOCOL + "\", got \"" + shorten(protocol) + "\"");
        }
        String serial = string(document, "serial", "");
        if (!serial.equals(batch.serial())) {
            throw new PayloadRejected("serial: payload names \"" + shorten(serial)
                    + "\" but the machine authenticated as \"" + batch.serial() + "\"");
        }
        if (!(document.get("events") instanceof List<?> items)) {
            throw new PayloadRejected("events: an array is required");
        }
        List<MachineEvent> events = new ArrayList<>(items.size());
        long previous = -1;
        for (int i = 0; i < items.size(); i++) {
            String path = "events[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new PayloadRejected(path + ": an object is required");
            }
            MachineEvent event = event(item, path);
            if (event.seq() <= previous) {
                throw new PayloadRejected(path + ".seq: " + event.seq() + " is not above the previous " + previous);
            }
            previous = event.seq();
            events.add(event);
        }
        return events;
    }

    private static MachineEvent event(Map<?, ?> item, String path) throws PayloadRejected {
        long seq = wholeNumber(item, "seq", path, 0, Long.MAX_VALUE);
        Instant ts = instant(item, "ts", path);
        String type = string(item, "type", path);
        switch (type) {
            case "beverage": {
                String recipe = nonBlank(item, "recipe", path);
                Integer ml = item.containsKey("ml") ? (int) wholeNumber(item, "ml", path, 1, 10_000) : null;
                WmfVocabulary.Product product = WmfVocabulary.RECIPES.get(recipe);
                return new MachineEvent.DrinkMade(seq, ts, product == null ? recipe : product.canonical(ml), ml);
            }
            case "message": {
                String code = nonBlank(item, "id", path);
                String state = string(item, "state", path);
                if (state.equals("off")) {
                    return new MachineEvent.ErrorCleared(seq, ts, code);
                }
                if (!state.equals("on")) {
                    throw new PayloadRejected(path + ".state: expected \"on\" or \"off\", got \"" + shorten(state)
                            + "\"");
                }
                WmfVocabulary.Message message = WmfVocabulary.message(code);
                String text = item.containsKey("text") ? string(item, "text", path) : message.text();
                return new MachineEvent.ErrorRaised(seq, ts, code, text, message.severity());
            }
            case "cleaning": {
                String program = nonBlank(item, "program", path);
                Instant end = instant(item, "end", path);
                if (end.isBefore(ts)) {
                    throw new PayloadRejected(path + ".end: before ts");
                }
                String result = string(item, "result", path);
                if (!result.equals("complete") && !result.equals("aborted")) {
                    throw new PayloadRejected(path + ".result: expected \"complete\" or \"aborted\", got \""
                            + shorten(result) + "\"");
                }
                return new MachineEvent.CleaningRun(seq, ts, program, end, result.equals("complete"));
            }
            case "sensor": {
                String name = nonBlank(item, "name", path);
                double value = decimal(item, "value", path);
                WmfVocabulary.Sensor sensor = WmfVocabulary.SENSORS.get(name);
                String unit = item.containsKey("unit") ? string(item, "unit", path)
                        : sensor == null ? "" : sensor.unit();
                return new MachineEvent.SensorReading(seq, ts, sensor == null ? name : sensor.canonical(), value,
                        unit);
            }
            case "counter":
                return new MachineEvent.CounterReading(seq, ts, nonBlank(item, "key", path),
                        string(item, "value", path));
            case "alive":
                return new MachineEvent.Heartbeat(seq, ts);
            case "info":
                return new MachineEvent.Notice(seq, ts, nonBlank(item, "code", path), string(item, "text", path));
            default:
                throw new PayloadRejected(path + ".type: unknown event type \"" + shorten(type) + "\"");
        }
    }

    private static String string(Map<?, ?> object, String field, String path) throws PayloadRejected {
        Object value = object.get(field);
        if (value instanceof String s) {
            return s;
        }
        throw new PayloadRejected(where(path, field) + (value == null ? ": missing" : ": a string is required"));
    }

    private static String nonBlank(Map<?, ?> object, String field, String path) throws PayloadRejected {
        String s = string(object, field, path);
        if (s.isBlank()) {
            throw new PayloadRejected(where(path, field) + ": must not be blank");
        }
        return s;
    }

    private static long wholeNumber(Map<?, ?> object, String field, String path, long min, long max)
            throws PayloadRejected {
        Object value = object.get(field);
        if (!(value instanceof JsonReader.Num num)) {
            throw new PayloadRejected(where(path, field) + (value == null ? ": missing" : ": a number is required"));
        }
        try {
            long n = new BigDecimal(num.text()).longValueExact();
            if (n < min || n > max) {
                throw new PayloadRejected(where(path, field) + ": " + n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new PayloadRejected(where(path, field) + ": " + shorten(num.text())
                    + " is not a whole number in range");
        }
    }

    private static double decimal(Map<?, ?> object, String field, String path) throws PayloadRejected {
        Object value = object.get(field);
        if (!(value instanceof JsonReader.Num num)) {
            throw new PayloadRejected(where(path, field) + (value == null ? ": missing" : ": a number is required"));
        }
        double d = Double.parseDouble(num.text());
        if (!Double.isFinite(d)) {
            throw new PayloadRejected(where(path, field) + ": out of range");
        }
        return d;
    }

    private static Instant instant(Map<?, ?> object, String field, String path) throws PayloadRejected {
        String text = string(object, field, path);
        Instant utc = utcInstant(text);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new PayloadRejected(where(path, field) + ": \"" + shorten(text)
                    + "\" is not an ISO-8601 time with offset, e.g. 2025-03-14T07:02:11Z");
        }
    }

    /**
     * The form the daemons send, {@code 2025-03-14T07:02:11.250Z}, read without a DateTimeFormatter, which costs
     * more than the rest of an event's decoding. Null for anything else: the general parser decides.
     */
    static Instant utcInstant(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || n == 21 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':'
                || (n > 20 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int fraction = n > 20 ? digits(t, 20, n - 1) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        // scale the n - 21 fraction digits to nanoseconds (nine digits)
        for (int i = n; i < 30; i++) {
            fraction *= 10;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, fraction).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of t[from, to), or -1 when a character is not a digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String where(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

}
