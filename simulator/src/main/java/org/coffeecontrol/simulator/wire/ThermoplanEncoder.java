package org.coffeecontrol.simulator.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Sensors;

/**
 * Thermoplan D2D event records ({@code bundles/driver-thermoplan/README.md}). Times travel as epoch milliseconds:
 * finer fractions are cut off.
 */
final class ThermoplanEncoder implements WireEncoder {

    static final String CONTENT_TYPE = "text/vnd.coffeecontrol.thermoplan-d2d";

    /** Canonical error codes of this family: the error number, and {@code /source} for a module's fault. */
    private static final Pattern ERROR_CODE = Pattern.compile("(0|[1-9][0-9]{0,4})(?:/([1-9][0-9]?))?");

    private static final ProductVocabulary PRODUCTS = new ProductVocabulary(List.of(
            new ProductVocabulary.WireProduct(1, "Espresso", "Espresso", false),
            new ProductVocabulary.WireProduct(2, "Double Espresso", "Double espresso", false),
            new ProductVocabulary.WireProduct(3, "Americano", "Americano", true),
            new ProductVocabulary.WireProduct(4, "Cappuccino", "Cappuccino", true),
            new ProductVocabulary.WireProduct(5, "Caffe Latte", "Latte", true),
            new ProductVocabulary.WireProduct(6, "Flat White", "Flat white", true),
            new ProductVocabulary.WireProduct(7, "Hot Water", "Hot water", true),
            new ProductVocabulary.WireProduct(8, "Warm Milk", "Milk", true),
            new ProductVocabulary.WireProduct(9, "Mochaccino", "Moccaccino", true),
            new ProductVocabulary.WireProduct(10, "Hot Chocolate", "Chocolate", false),
            new ProductVocabulary.WireProduct(11, "Chocolate Milk", "Chocolate with milk", false)));

    private static final Map<String, String> SENSORS = Map.of(
            Sensors.BOILER_TEMP, "boiler_temperature",
            Sensors.STEAM_TEMP, "steam_boiler_temperature",
            Sensors.MILK_TEMP, "milk_temperature",
            Sensors.MILK_LEVEL, "milk_level",
            Sensors.BEANS_LEVEL, "bean_hopper_level",
            Sensors.WATER_LEVEL, "water_tank_level",
            Sensors.WASTE_LEVEL, "grounds_drawer_level");

    private static final Map<String, String> COUNTERS = Map.of(
            "mpo_ver", "MpoVersion",
            "pym_ver", "PymVersion",
            "mainboard_version", "MainboardVersion",
            "water_boiler_seted_value", "BoilerSetpoint",
            "descaling_count_seted_value", "DescalingInterval",
            "descaling_count_current_value", "DescalingCounter",
            "beverages_version", "BeverageTableVersion",
            "machine_parameters_version", "ParameterSetVersion");

    private static final Map<String, String> RINSE_RECORDS = Map.of(
            "RINSE_UPCOMING", "RinseUpcoming",
            "RINSE_FORCED", "RinseForced",
            "RINSE_POSTPONED", "RinsePostponed");

    @Override
    public String family() {
        return "thermoplan";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** @throws IllegalArgumentException for an error code that is not an error number (a simulator bug) */
    @Override
    public byte[] encode(String serial, List<MachineEvent> events) {
        StringBuilder out = new StringBuilder(64 + events.size() * 100);
        out.append("#D2D/1 serial=");
        quoted(out, serial);
        for (MachineEvent event : events) {
            out.append('\n');
            record(out, event);
        }
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void record(StringBuilder out, MachineEvent event) {
        if (event instanceof MachineEvent.DrinkMade d) {
            ProductVocabulary.Encoded p = PRODUCTS.encode(d.product(), d.sizeMl());
            head(out, "ProductFinished", event).append(" product_id=").append(p.product() == null ? 0 : p.product().id())
                    .append(" name=");
            quoted(out, p.product() == null ? d.product() : p.product().wireName());
            if (p.ml() != null) {
                out.append(" volume_ml=").append(p.ml());
            }
            out.append(" status=completed");
        } else if (event instanceof MachineEvent.ErrorRaised r) {
            error(head(out, "ErrorEvent", event), r.code()).append(" active=true title=");
            quoted(out, r.text());
        } else if (event instanceof MachineEvent.ErrorCleared c) {
            error(head(out, "ErrorEvent", event), c.code()).append(" active=false");
        } else if (event instanceof MachineEvent.CleaningRun c) {
            out.append("RinseFinished seq=").append(c.seq()).append(" time=").append(c.end().toEpochMilli())
                    .append(" started=").append(c.time().toEpochMilli()).append(" program=");
            quoted(out, c.program());
            out.append(" result=").append(c.completed() ? "ok" : "aborted");
        } else if (event instanceof MachineEvent.SensorReading s) {
            head(out, "SensorValue", event).append(" name=");
            quoted(out, SENSORS.getOrDefault(s.sensor(), s.sensor()));
            out.append(" value=").append(BigDecimal.valueOf(s.value()).toPlainString()).append(" unit=");
            quoted(out, s.unit());
        } else if (event instanceof MachineEvent.CounterReading c) {
            head(out, "CounterValue", event).append(" name=");
            quoted(out, COUNTERS.getOrDefault(c.key(), c.key()));
            out.append(" value=");
            quoted(out, c.value());
        } else if (event instanceof MachineEvent.Heartbeat) {
            head(out, "Heartbeat", event);
        } else if (event instanceof MachineEvent.Notice n) {
            String rinse = RINSE_RECORDS.get(n.code());
            if (rinse != null) {
                head(out, rinse, event).append(" message=");
            } else {
                head(out, "Info", event).append(" code=");
                quoted(out, n.code());
                out.append(" text=");
            }
            quoted(out, n.text());
        }
    }

    private static StringBuilder head(StringBuilder out, String type, MachineEvent event) {
        return out.append(type).append(" seq=").append(event.seq()).append(" time=")
                .append(event.time().toEpochMilli());
    }

    private static StringBuilder error(StringBuilder out, String code) {
        Matcher m = ERROR_CODE.matcher(code);
        if (!m.matches()) {
            throw new IllegalArgumentException("Thermoplan error codes are error numbers, optionally /source: " + code);
        }
        return out.append(" error_number=").append(m.group(1)).append(" source_index=")
                .append(m.group(2) == null ? "0" : m.group(2));
    }

    private static void quoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
