package org.coffeecontrol.drivers.drcoffee.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import static org.coffeecontrol.driverkit.decode.BatchDecoding.shorten;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.DecodeResult;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.TelemetryBatch;
import org.coffeecontrol.driverkit.decode.BatchDecoding;
import org.coffeecontrol.driverkit.decode.PayloadRejected;

/** Turns one CoffeeZone line batch (format in the README) into canonical events, or says which line is wrong. */
final class DrCoffeeBatchDecoder {

    static final String MAGIC = "CZ";
    static final String VERSION = "1";

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,20}(\\.[0-9]{1,30})?");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");

    /** End of year 9999 in epoch seconds. */
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

    private DrCoffeeBatchDecoder() {
    }

    static DecodeResult decode(TelemetryBatch batch) {
        return BatchDecoding.decode(batch, DrCoffeeBatchDecoder::events);
    }

    private static List<MachineEvent> events(TelemetryBatch batch) throws PayloadRejected {
        String[] lines = ascii(batch.body()).split("\r?\n", -1);
        header(lines[0].split(";", -1), batch.serial());
        List<MachineEvent> events = new ArrayList<>();
        long previous = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            Line line = new Line(i + 1, lines[i].split(";", -1));
            long seq = line.number(0, "seq", 0, Long.MAX_VALUE);
            if (seq <= previous) {
                throw new PayloadRejected(line.at(0, "seq") + ": " + seq + " is not above the previous " + previous);
            }
            previous = seq;
            events.add(event(line, seq, line.time(1, "time")));
        }
        return events;
    }

    private static void header(String[] fields, String serial) throws PayloadRejected {
        if (fields.length < 3 || fields.length > 4 || !fields[0].equals(MAGIC)) {
            throw new PayloadRejected("line 1: expected the header CZ;1;<serial>[;<model>]");
        }
        if (!fields[1].equals(VERSION)) {
            throw new PayloadRejected("line 1: protocol version " + shorten(fields[1]) + " is not supported, expected "
                    + VERSION);
        }
        if (!fields[2].equals(serial)) {
            throw new PayloadRejected("line 1: serial " + shorten(fields[2]) + " in the payload, but the machine "
                    + "authenticated as " + serial);
        }
    }

    private static MachineEvent event(Line line, long seq, Instant time) throws PayloadRejected {
        String type = line.field(2, "type");
        switch (type) {
            case "DRINK": {
                line.count(5, 6);
                int number = (int) line.number(3, "product", 0, 999);
                Integer ml = line.fields[4].isEmpty() ? null : (int) line.number(4, "ml", 1, 10_000);
                if (number == DrCoffeeVocabulary.CUSTOM_PRODUCT) {
                    line.count(6, 6);
                    return new MachineEvent.DrinkMade(seq, time, line.text(5, "name"), ml);
                }
                line.count(5, 5);
                DrCoffeeVocabulary.Product product = DrCoffeeVocabulary.PRODUCTS.get(number);
                if (product == null) {
                    throw new PayloadRejected(line.at(3, "product") + ": unknown product " + number
                            + " (custom recipes use 0 and a name)");
                }
                return new MachineEvent.DrinkMade(seq, time, product.canonical(ml), ml);
            }
            case "ERR": {
                line.count(4, 5);
                String code = line.text(3, "code");
                DrCoffeeVocabulary.Error error = DrCoffeeVocabulary.error(code);
                String text = line.fields.length == 5 ? line.unescaped(4, "text") : error.text();
                return new MachineEvent.ErrorRaised(seq, time, code, text, error.severity());
            }
            case "CLR":
                line.count(4, 4);
                return new MachineEvent.ErrorCleared(seq, time, line.text(3, "code"));
            case "CLEAN": {
                line.count(6, 6);
                Instant end = line.time(4, "end");
                if (end.isBefore(time)) {
                    throw new PayloadRejected(line.at(4, "end") + ": before the start");
                }
                String result = line.field(5, "result");
                if (!result.equals("OK") && !result.equals("ABORT")) {
                    throw new PayloadRejected(line.at(5, "result") + ": OK or ABORT expected");
                }
                return new MachineEvent.CleaningRun(seq, time, line.text(3, "program"), end, result.equals("OK"));
            }
            case "SENS": {
                line.count(5, 6);
                String name = line.text(3, "sensor");
                double value = line.decimal(4, "value");
                DrCoffeeVocabulary.Sensor sensor = DrCoffeeVocabulary.SENSORS.get(name);
                String unit = line.fields.length == 6 ? line.unescaped(5, "unit") : sensor == null ? "" : sensor.unit();
                return new MachineEvent.SensorReading(seq, time, sensor == null ? name : sensor.canonical(), value,
                        unit);
            }
            case "CNT":
                line.count(5, 5);
                return new MachineEvent.CounterReading(seq, time, line.text(3, "key"), line.unescaped(4, "value"));
            case "HB":
                line.count(3, 3);
                return new MachineEvent.Heartbeat(seq, time);
            case "NOTE":
                line.count(5, 5);
                return new MachineEvent.Notice(seq, time, line.text(3, "code"), line.unescaped(4, "text"));
            default:
                throw new PayloadRejected(line.at(2, "type") + ": unknown record type " + shorten(type));
        }
    }

    /** One split line; every failure names the line number, the field position and its meaning. */
    private static final class Line {
        private final int number;
        private final String[] fields;

        Line(int number, String[] fields) {
            this.number = number;
            this.fields = fields;
        }

        String at(int index, String name) {
            return "line " + number + ", field " + (index + 1) + " (" + name + ")";
        }

        void count(int min, int max) throws PayloadRejected {
            if (fields.length < min || fields.length > max) {
                throw new PayloadRejected("line " + number + ": " + fields.length + " fields, expected "
                        + (min == max ? Integer.toString(min) : min + " or " + max));
            }
        }

        String field(int index, String name) throws PayloadRejected {
            if (index >= fields.length) {
                throw new PayloadRejected(at(index, name) + ": missing");
            }
            return fields[index];
        }

        /** Free text: percent-escaped ({@code %3B} for ';'), may be empty. */
        String unescaped(int index, String name) throws PayloadRejected {
            String raw = field(index, name);
            if (raw.indexOf('%') < 0) {
                return raw;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '%') {
                    bytes.write(c);
                    continue;
                }
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new PayloadRejected(at(index, name) + ": '%' must be followed by two hex digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw new PayloadRejected(at(index, name) + ": escapes are not UTF-8");
            }
        }

        String text(int index, String name) throws PayloadRejected {
            String value = unescaped(index, name);
            if (value.isBlank()) {
                throw new PayloadRejected(at(index, name) + ": must not be empty");
            }
            return value;
        }

        long number(int index, String name, long min, long max) throws PayloadRejected {
            String raw = field(index, name);
            long n = -1;
            if (WHOLE.matcher(raw).matches()) {
                try {
                    n = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    n = -1;
                }
            }
            if (n < min || n > max) {
                throw new PayloadRejected(at(index, name) + ": a whole number in " + min + ".." + max + " expected");
            }
            return n;
        }

        double decimal(int index, String name) throws PayloadRejected {
            String raw = field(index, name);
            if (!DECIMAL.matcher(raw).matches()) {
                throw new PayloadRejected(at(index, name) + ": a decimal number like -12.5 expected");
            }
            return Double.parseDouble(raw);
        }

        /** Epoch seconds with up to nine decimals, so that sub-second times survive. */
        Instant time(int index, String name) throws PayloadRejected {
            String raw = field(index, name);
            if (!EPOCH_SECONDS.matcher(raw).matches()) {
                throw new PayloadRejected(at(index, name)
                        + ": epoch seconds like 1741935731 or 1741935731.250 expected");
            }
            BigDecimal seconds = new BigDecimal(raw);
            if (seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS)) > 0) {
                throw new PayloadRejected(at(index, name) + ": after the year 9999");
            }
            long whole = seconds.longValue();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
    }

    /** Lines are plain ASCII; anything else arrives percent-escaped, so a stray byte is a transmission error. */
    private static String ascii(byte[] body) throws PayloadRejected {
        for (int i = 0; i < body.length; i++) {
            if (body[i] < 0 || (body[i] < 0x20 && body[i] != '\n' && body[i] != '\r')) {
                throw new PayloadRejected("byte " + i + ": not printable ASCII (escape text with %XX)");
            }
        }
        return new String(body, StandardCharsets.US_ASCII);
    }

}
