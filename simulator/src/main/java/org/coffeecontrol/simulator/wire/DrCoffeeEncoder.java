package org.coffeecontrol.simulator.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Sensors;

/** Dr.Coffee CoffeeZone semicolon lines ({@code bundles/driver-drcoffee/README.md}). */
final class DrCoffeeEncoder implements WireEncoder {

    static final String CONTENT_TYPE = "text/vnd.coffeecontrol.drcoffee-lines";

    private static final ProductVocabulary PRODUCTS = new ProductVocabulary(List.of(
            new ProductVocabulary.WireProduct(1, "1", "Espresso", false),
            new ProductVocabulary.WireProduct(2, "2", "Double espresso", false),
            new ProductVocabulary.WireProduct(3, "3", "Americano", true),
            new ProductVocabulary.WireProduct(4, "4", "Cappuccino", true),
            new ProductVocabulary.WireProduct(5, "5", "Latte", true),
            new ProductVocabulary.WireProduct(6, "6", "Flat white", true),
            new ProductVocabulary.WireProduct(7, "7", "Hot water", true),
            new ProductVocabulary.WireProduct(8, "8", "Milk", true),
            new ProductVocabulary.WireProduct(9, "9", "Moccaccino", true),
            new ProductVocabulary.WireProduct(10, "10", "Chocolate", false),
            new ProductVocabulary.WireProduct(11, "11", "Chocolate with milk", false)));

    private static final Map<String, String> SENSORS = Map.of(
            Sensors.BOILER_TEMP, "TBOIL",
            Sensors.STEAM_TEMP, "TSTEAM",
            Sensors.MILK_TEMP, "TMILK",
            Sensors.MILK_LEVEL, "LMILK",
            Sensors.BEANS_LEVEL, "LBEAN",
            Sensors.WATER_LEVEL, "LWATER",
            Sensors.WASTE_LEVEL, "LWASTE");

    @Override
    public String family() {
        return "drcoffee";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** @throws IllegalArgumentException for times before 1970, which the protocol cannot carry */
    @Override
    public byte[] encode(String serial, List<MachineEvent> events) {
        StringBuilder out = new StringBuilder(32 + events.size() * 40);
        out.append("CZ;1;").append(serial);
        for (MachineEvent event : events) {
            out.append('\n').append(event.seq()).append(';');
            time(out, event.time()).append(';');
            line(out, event);
        }
        return out.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void line(StringBuilder out, MachineEvent event) {
        if (event instanceof MachineEvent.DrinkMade d) {
            ProductVocabulary.Encoded p = PRODUCTS.encode(d.product(), d.sizeMl());
            out.append("DRINK;").append(p.product() == null ? 0 : p.product().id()).append(';')
                    .append(p.ml() == null ? "" : p.ml().toString());
            if (p.product() == null) {
                out.append(';').append(escape(d.product()));
            }
        } else if (event instanceof MachineEvent.ErrorRaised r) {
            out.append("ERR;").append(escape(r.code())).append(';').append(escape(r.text()));
        } else if (event instanceof MachineEvent.ErrorCleared c) {
            out.append("CLR;").append(escape(c.code()));
        } else if (event instanceof MachineEvent.CleaningRun c) {
            out.append("CLEAN;").append(escape(c.program())).append(';');
            time(out, c.end()).append(';').append(c.completed() ? "OK" : "ABORT");
        } else if (event instanceof MachineEvent.SensorReading s) {
            out.append("SENS;").append(escape(SENSORS.getOrDefault(s.sensor(), s.sensor()))).append(';')
                    .append(BigDecimal.valueOf(s.value()).toPlainString()).append(';').append(escape(s.unit()));
        } else if (event instanceof MachineEvent.CounterReading c) {
            out.append("CNT;").append(escape(c.key())).append(';').append(escape(c.value()));
        } else if (event instanceof MachineEvent.Heartbeat) {
            out.append("HB");
        } else if (event instanceof MachineEvent.Notice n) {
            out.append("NOTE;").append(escape(n.code())).append(';').append(escape(n.text()));
        }
    }

    private static StringBuilder time(StringBuilder out, Instant time) {
        if (time.getEpochSecond() < 0) {
            throw new IllegalArgumentException("Dr.Coffee times start in 1970: " + time);
        }
        out.append(time.getEpochSecond());
        if (time.getNano() != 0) {
            String nanos = String.format("%09d", time.getNano());
            out.append('.').append(nanos.replaceFirst("0+$", ""));
        }
        return out;
    }

    /** Percent-escapes '%', ';', control characters and everything outside ASCII (as UTF-8 bytes). */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x20 || c >= 0x7f || c == '%' || c == ';') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
