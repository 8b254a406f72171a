package org.coffeecontrol.drivers.wmf.internal;

import static org.coffeecontrol.api.driver.MachineEvent.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.driver.Sensors;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.driverkit.DriverConformanceTest;
import org.coffeecontrol.driverkit.DriverExample;

class WmfDriverConformanceTest extends DriverConformanceTest {

    static final String SERIAL = "WMF-1500-000123";

    @Override
    protected MachineDriver driver() {
        return new WmfDriver("1.0.0");
    }

    @Override
    protected List<DriverExample> examples() {
        return List.of(
                DriverExample.fromResource(getClass(), "minimal.json", SERIAL, new Heartbeat(1, t("06:00:00"))),
                DriverExample.fromResource(getClass(), "full.json", SERIAL,
                        new DrinkMade(1001, t("07:02:11"), "Americano 200", 200),
                        new DrinkMade(1002, t("07:02:50"), "Double espresso", 60),
                        new DrinkMade(1003, t("07:03:05.250"), "Cappuccino 200", 200),
                        new ErrorRaised(1004, t("07:03:40"), "E-20", "Grounds container full", Severity.CRITICAL),
                        new ErrorCleared(1005, t("07:06:00"), "E-20"),
                        new ErrorRaised(1006, t("08:00:00"), "I-5", "Cleaning due", Severity.INFO),
                        new CleaningRun(1007, t("08:10:00"), "Milk system cleaning", t("08:14:30"), true),
                        new SensorReading(1008, t("08:15:00"), Sensors.BOILER_TEMP, 93.5, Sensors.CELSIUS),
                        new SensorReading(1009, t("08:15:00"), Sensors.MILK_LEVEL, 64, Sensors.PERCENT),
                        new SensorReading(1010, t("08:15:00"), "flow_rate", 2.5, "ml/s"),
                        new CounterReading(1011, t("08:15:00"), "descaling_count_current_value", "412"),
                        new Heartbeat(1012, t("08:15:00")),
                        new Notice(1013, t("08:20:00"), "door_open", "Front door opened")));
    }

    @Override
    protected byte[] heartbeats(String serial, List<Long> seqs, Instant time) {
        return ("{\"protocol\":\"wmf-telemetry/1\",\"serial\":\"" + serial + "\",\"events\":["
                + seqs.stream().map(s -> "{\"seq\":" + s + ",\"ts\":\"" + time + "\",\"type\":\"alive\"}")
                        .collect(Collectors.joining(","))
                + "]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted verbatim in the README's Recipes section. */
    static final String RECIPE_LISTING = "ID\tPRODUCT\tCOFFEE_G\tWATER_ML\tMILK_ML\tTEMPERATURE_C\tPRICE\n1\tEspresso\t9.0\t30\t0\t93\t105.00\n4\tCappuccino 200\t9.0\t80\t120\t93\t220.00\n(2 rows)\n";

    @Override
    protected String recipeListing() {
        return RECIPE_LISTING;
    }

    @Override
    protected Map<String, Map<String, String>> validArguments() {
        return Map.of("enter-service-pin", Map.of("pin", "1234"), "enter-pin", Map.of("pin", "987654"),
                "last-drinks", Map.of("count", "20"));
    }

    static Instant t(String time) {
        return Instant.parse("2025-03-14T" + time + "Z");
    }
}
