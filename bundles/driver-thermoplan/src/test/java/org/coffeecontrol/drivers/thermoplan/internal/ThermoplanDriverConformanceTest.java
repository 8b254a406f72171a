package org.coffeecontrol.drivers.thermoplan.internal;

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

class ThermoplanDriverConformanceTest extends DriverConformanceTest {

    static final String SERIAL = "BW4-004211";

    @Override
    protected MachineDriver driver() {
        return new ThermoplanDriver("1.0.0");
    }

    @Override
    protected List<DriverExample> examples() {
        return List.of(
                DriverExample.fromResource(getClass(), "minimal.d2d", SERIAL, new Heartbeat(1, t("06:00:00"))),
                DriverExample.fromResource(getClass(), "full.d2d", SERIAL,
                        new DrinkMade(502, t("07:02:42"), "Cappuccino 200", 200),
                        new DrinkMade(503, t("07:03:10.500"), "Espresso", 30),
                        new Notice(504, t("07:03:20"), "PRODUCT_CANCELLED", "Caffe Latte cancelled"),
                        new ErrorRaised(505, t("07:05:00"), "28/1", "Grinder blocked", Severity.CRITICAL),
                        new ErrorCleared(506, t("07:07:00"), "28/1"),
                        new ErrorRaised(507, t("07:07:10"), "63", "Water flow meter timeout", Severity.WARNING),
                        new Notice(508, t("08:00:00"), "RINSE_UPCOMING", "Rinse upcoming"),
                        new Notice(509, t("08:01:00"), "RINSE_POSTPONED", "Postponed by staff: queue at the counter"),
                        new Notice(510, t("08:15:00"), "RINSE_FORCED", "Rinse forced by the machine"),
                        new CleaningRun(511, t("08:15:00"), "milk rinse", t("08:18:00"), true),
                        new SensorReading(512, t("08:18:20"), Sensors.BOILER_TEMP, 94.2, Sensors.CELSIUS),
                        new SensorReading(513, t("08:18:20"), Sensors.BEANS_LEVEL, 37, Sensors.PERCENT),
                        new CounterReading(514, t("08:18:20"), "descaling_count_current_value", "1280"),
                        new CounterReading(515, t("08:18:20"), "mpo_ver", "4.2.0"),
                        new Heartbeat(516, t("08:18:20")),
                        new Notice(517, t("08:20:00"), "door_open", "Front door opened")));
    }

    @Override
    protected byte[] heartbeats(String serial, List<Long> seqs, Instant time) {
        return ("#D2D/1 serial=" + serial + "\n" + seqs.stream()
                .map(s -> "Heartbeat seq=" + s + " time=" + time.toEpochMilli()).collect(Collectors.joining("\n")))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted verbatim in the README's Recipes section. */
    static final String RECIPE_LISTING = "beverage.1.name=Espresso\nbeverage.1.powder=9.0\nbeverage.1.water=30\nbeverage.1.milk=0\nbeverage.1.temp=94\nbeverage.1.price_cents=10500\nbeverage.4.name=Cappuccino 200\nbeverage.4.powder=9.0\nbeverage.4.water=80\nbeverage.4.milk=120\nbeverage.4.temp=94\nbeverage.4.price_cents=22000\n";

    @Override
    protected String recipeListing() {
        return RECIPE_LISTING;
    }

    @Override
    protected Map<String, Map<String, String>> validArguments() {
        return Map.of("enter-service-pin", Map.of("pin", "1234"), "enter-pin", Map.of("pin", "0000"),
                "last-drinks", Map.of("count", "5"));
    }

    static Instant t(String time) {
        return Instant.parse("2025-03-14T" + time + "Z");
    }
}
