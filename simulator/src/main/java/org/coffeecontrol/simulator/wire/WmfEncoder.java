package org.coffeecontrol.simulator.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Sensors;

/** WMF CoffeeConnect JSON batches ({@code bundles/driver-wmf/README.md}). */
final class WmfEncoder implements WireEncoder {

    static final String CONTENT_TYPE = "application/vnd.coffeecontrol.wmf+json";

    private static final ProductVocabulary PRODUCTS = new ProductVocabulary(List.of(
            new ProductVocabulary.WireProduct(1, "Café Crème", "Americano", true),
            new ProductVocabulary.WireProduct(2, "Espresso", "Espresso", false),
            new ProductVocabulary.WireProduct(3, "2 Espressi", "Double espresso", false),
            new ProductVocabulary.WireProduct(4, "Cappuccino", "Cappuccino", true),
            new ProductVocabulary.WireProduct(5, "Latte Macchiato", "Latte", true),
            new ProductVocabulary.WireProduct(6, "Flat White", "Flat white", true),
            new ProductVocabulary.WireProduct(7, "Hot Water", "Hot water", true),
            new ProductVocabulary.WireProduct(8, "Hot Milk", "Milk", true),
            new ProductVocabulary.WireProduct(9, "Mocca", "Moccaccino", true),
            new ProductVocabulary.WireProduct(10, "Chocolate", "Chocolate", false),
            new ProductVocabulary.WireProduct(11, "Choco Milk", "Chocolate with milk", false)));

    private static final Map<String, String> SENSORS = Map.of(
            Sensors.BOILER_TEMP, "boiler",
            Sensors.STEAM_TEMP, "steam",
            Sensors.MILK_TEMP, "milk_temperature",
            Sensors.MILK_LEVEL, "milk",
            Sensors.BEANS_LEVEL, "beans",
            Sensors.WATER_LEVEL, "water",
            Sensors.WASTE_LEVEL, "grounds");

    @Override
    public String family() {
        return "wmf";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] encode(String serial, List<MachineEvent> events) {
        StringBuilder json = new StringBuilder(128 + events.size() * 110);
        json.append("{\"protocol\":\"wmf-telemetry/1\",\"serial\":");
        string(json, serial);
        json.append(",\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            event(json, events.get(i));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void event(StringBuilder json, MachineEvent event) {
        json.append("\n{\"seq\":").append(event.seq()).append(",\"ts\":\"").append(event.time()).append("\",");
        if (event instanceof MachineEvent.DrinkMade d) {
            ProductVocabulary.Encoded p = PRODUCTS.encode(d.product(), d.sizeMl());
            json.append("\"type\":\"beverage\",\"recipe\":");
            string(json, p.product() == null ? d.product() : p.product().wireName());
            if (p.ml() != null) {
                json.append(",\"ml\":").append(p.ml());
            }
        } else if (event instanceof MachineEvent.ErrorRaised r) {
            json.append("\"type\":\"message\",\"state\":\"on\",\"id\":");
            string(json, r.code());
            json.append(",\"text\":");
            string(json, r.text());
        } else if (event instanceof MachineEvent.ErrorCleared c) {
            json.append("\"type\":\"message\",\"state\":\"off\",\"id\":");
            string(json, c.code());
        } else if (event instanceof MachineEvent.CleaningRun c) {
            json.append("\"type\":\"cleaning\",\"program\":");
            string(json, c.program());
            json.append(",\"end\":\"").append(c.end()).append("\",\"result\":\"")
                    .append(c.completed() ? "complete" : "aborted").append('"');
        } else if (event instanceof MachineEvent.SensorReading s) {
            json.append("\"type\":\"sensor\",\"name\":");
            string(json, SENSORS.getOrDefault(s.sensor(), s.sensor()));
            json.append(",\"value\":").append(BigDecimal.valueOf(s.value()).toPlainString()).append(",\"unit\":");
            string(json, s.unit());
        } else if (event instanceof MachineEvent.CounterReading c) {
            json.append("\"type\":\"counter\",\"key\":");
            string(json, c.key());
            json.append(",\"value\":");
            string(json, c.value());
        } else if (event instanceof MachineEvent.Heartbeat) {
            json.append("\"type\":\"alive\"");
        } else if (event instanceof MachineEvent.Notice n) {
            json.append("\"type\":\"info\",\"code\":");
            string(json, n.code());
            json.append(",\"text\":");
            string(json, n.text());
        }
        json.append('}');
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
