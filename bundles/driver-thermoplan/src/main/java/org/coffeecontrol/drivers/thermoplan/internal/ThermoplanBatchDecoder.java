package org.coffeecontrol.drivers.thermoplan.internal;

import static org.coffeecontrol.driverkit.decode.BatchDecoding.shorten;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.coffeecontrol.driverkit.decode.BatchDecoding;
import org.coffeecontrol.driverkit.decode.PayloadRejected;

/** Turns one D2D batch (format in the README) into canonical events, or says which line is wrong. */
final class ThermoplanBatchDecoder {

    static final String HEADER_TYPE = "D2D/1";

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,30})?");

    /** Latest time a record may carry: the end of year 9999, so that dates stay printable everywhere. */
    private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

    private ThermoplanBatchDecoder() {
    }

    static DecodeResult decode(TelemetryBatch batch) {
        return BatchDecoding.decode(batch, ThermoplanBatchDecoder::events);
    }

    private static List<MachineEvent> events(TelemetryBatch batch) throws PayloadRejected {
        String[] lines = BatchDecoding.utf8(batch.body()).split("\r?\n", -1);
        header(lines[0], batch.serial());
        List<MachineEvent> events = new ArrayList<>();
        long previous = -1;
        for (int i = 1; i < lines.length; i++) {
            String where = "line " + (i + 1);
            if (lines[i].isEmpty()) {
                continue;
            }
            D2dRecord record;
            try {
                record = D2dRecord.parse(lines[i]);
            } catch (D2dRecord.SyntaxError e) {
                throw new PayloadRejected(where + ", " + e.getMessage());
            }
            Fields f = new Fields(record.fields(), where + " (" + shorten(record.type()) + ")");
            long seq = f.number("seq", 0, Long.MAX_VALUE);
            if (seq <= previous) {
                throw new PayloadRejected(f.where + ": seq " + seq + " is not above the previous " + previous);
            }
            previous = seq;
            MachineEvent event = event(record.type(), seq, f.time("time"), f);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static void header(String line, String serial) throws PayloadRejected {
        if (!line.startsWith("#")) {
            throw new PayloadRejected("line 1: expected the header #" + HEADER_TYPE + " serial=…");
        }
        D2dRecord header;
        try {
            header = D2dRecord.parse(line.substring(1));
        } catch (D2dRecord.SyntaxError e) {
            throw new PayloadRejected("line 1, " + e.getMessage());
        }
        if (!header.type().equals(HEADER_TYPE)) {
            throw new PayloadRejected("line 1: unsupported protocol '" + shorten(header.type()) + "', expected "
                    + HEADER_TYPE);
        }
        String named = new Fields(header.fields(), "line 1").text("serial");
        if (!named.equals(serial)) {
            throw new PayloadRejected("line 1: serial " + shorten(named)
                    + " in the payload, but the machine authenticated as " + serial);
        }
    }

    /** @return null for records that only mark progress (ProductStarted) */
    private static MachineEvent event(String type, long seq, Instant time, Fields f) throws PayloadRejected {
        switch (type) {
            case "ProductStarted":
                f.text("name");
                return null;
            case "ProductFinished": {
                String name = f.text("name");
                Integer ml = f.has("volume_ml") ? (int) f.number("volume_ml", 1, 10_000) : null;
                String status = f.oneOf("status", "completed", "cancelled");
                if (status.equals("cancelled")) {
                    return new MachineEvent.Notice(seq, time, "PRODUCT_CANCELLED", name + " cancelled");
                }
                ThermoplanVocabulary.Product product = ThermoplanVocabulary.PRODUCTS.get(name);
                return new MachineEvent.DrinkMade(seq, time, product == null ? name : product.canonical(ml), ml);
            }
            case "ErrorEvent": {
                int number = (int) f.number("error_number", 0, 99_999);
                int source = f.has("source_index") ? (int) f.number("source_index", 0, 99) : 0;
                // Source 0 is the machine itself; other modules keep their index so the two faults stay apart.
                String code = source == 0 ? Integer.toString(number) : number + "/" + source;
                if (f.oneOf("active", "true", "false").equals("false")) {
                    return new MachineEvent.ErrorCleared(seq, time, code);
                }
                ThermoplanVocabulary.Error error = ThermoplanVocabulary.error(number);
                String title = f.has("title") ? f.text("title") : error.title();
                return new MachineEvent.ErrorRaised(seq, time, code, title, error.severity());
            }
            case "RinseUpcoming":
                return notice(seq, time, f, "RINSE_UPCOMING", "Rinse upcoming");
            case "RinseForced":
                return notice(seq, time, f, "RINSE_FORCED", "Rinse forced by the machine");
            case "RinsePostponed":
                return notice(seq, time, f, "RINSE_POSTPONED", "Rinse postponed");
            case "RinseFinished": {
                Instant started = f.time("started");
                if (started.isAfter(time)) {
                    throw new PayloadRejected(f.where + ": started is after time");
                }
                boolean ok = f.oneOf("result", "ok", "aborted").equals("ok");
                return new MachineEvent.CleaningRun(seq, started, f.text("program"), time, ok);
            }
            case "SensorValue": {
                String name = f.text("name");
                double value = f.decimal("value");
                ThermoplanVocabulary.Sensor sensor = ThermoplanVocabulary.SENSORS.get(name);
                String unit = f.has("unit") ? f.raw("unit") : sensor == null ? "" : sensor.unit();
                return new MachineEvent.SensorReading(seq, time, sensor == null ? name : sensor.canonical(), value,
                        unit);
            }
            case "CounterValue": {
                String name = f.text("name");
                return new MachineEvent.CounterReading(seq, time,
                        ThermoplanVocabulary.COUNTERS.getOrDefault(name, name), f.raw("value"));
            }
            case "Heartbeat":
                return new MachineEvent.Heartbeat(seq, time);
            case "Info":
                return new MachineEvent.Notice(seq, time, f.text("code"), f.raw("text"));
            default:
                throw new PayloadRejected(f.where + ": unknown record type");
        }
    }

    private static MachineEvent notice(long seq, Instant time, Fields f, String code, String defaultText)
            throws PayloadRejected {
        return new MachineEvent.Notice(seq, time, code, f.has("message") ? f.raw("message") : defaultText);
    }

    /** Typed access to a record's fields; every failure names the line and the field. */
    private static final class Fields {
        private final Map<String, String> fields;
        private final String where;

        Fields(Map<String, String> fields, String where) {
            this.fields = fields;
            this.where = where;
        }

        boolean has(String name) {
            return fields.containsKey(name);
        }

        String raw(String name) throws PayloadRejected {
            String value = fields.get(name);
            if (value == null) {
                throw new PayloadRejected(where + ": field " + name + " is missing");
            }
            return value;
        }

        String text(String name) throws PayloadRejected {
            String value = raw(name);
            if (value.isBlank()) {
                throw new PayloadRejected(where + ": field " + name + " is blank");
            }
            return value;
        }

        String oneOf(String name, String... allowed) throws PayloadRejected {
            String value = raw(name);
            for (String a : allowed) {
                if (a.equals(value)) {
                    return value;
                }
            }
            throw new PayloadRejected(where + ": field " + name + " must be one of " + String.join(", ", allowed));
        }

        long number(String name, long min, long max) throws PayloadRejected {
            String value = raw(name);
            long n;
            try {
                n = WHOLE.matcher(value).matches() ? Long.parseLong(value) : -1;
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < min || n > max) {
                throw new PayloadRejected(where + ": field " + name + " must be a whole number in " + min + ".." + max);
            }
            return n;
        }

        double decimal(String name) throws PayloadRejected {
            String value = raw(name);
            if (!DECIMAL.matcher(value).matches()) {
                throw new PayloadRejected(where + ": field " + name + " must be a decimal number like -12.5");
            }
            return Double.parseDouble(value);
        }

        Instant time(String name) throws PayloadRejected {
            return Instant.ofEpochMilli(number(name, 0, MAX_EPOCH_MILLIS));
        }
    }

}
