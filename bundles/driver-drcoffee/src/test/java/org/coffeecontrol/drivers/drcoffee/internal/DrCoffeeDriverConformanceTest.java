package org.coffeecontrol.drivers.drcoffee.internal;

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

class DrCoffeeDriverConformanceTest extends DriverConformanceTest {

    static final String SERIAL = "DRC12300042";

    @Override
    protected MachineDriver driver() {
        return new DrCoffeeDriver("1.0.0");
    }

    @Override
    protected List<DriverExample> examples() {
        return List.of(
                DriverExample.fromResource(getClass(), "minimal.txt", SERIAL, new Heartbeat(1, t("06:00:00"))),
                DriverExample.fromResource(getClass(), "full.txt", SERIAL,
                        new DrinkMade(2001, t("07:02:11"), "Americano 200", 200),
                        new DrinkMade(2002, t("07:03:10.250"), "Espresso", 30),
                        new DrinkMade(2003, t("07:03:20"), "Raf coffee ; vanilla", 250),
                        new ErrorRaised(2004, t("07:05:00"), "E08", "Waste bin full", Severity.CRITICAL),
                        new ErrorCleared(2005, t("07:07:00"), "E08"),
                        new ErrorRaised(2006, t("07:07:10"), "E05", "Flowmeter fault", Severity.WARNING),
                        new CleaningRun(2007, t("08:00:00"), "RINSE", t("08:03:00"), true),
                        new CleaningRun(2008, t("08:05:00"), "CLEAN", t("08:06:00"), false),
                        new SensorReading(2009, t("08:06:40"), Sensors.BOILER_TEMP, 92.4, Sensors.CELSIUS),
                        new SensorReading(2010, t("08:06:40"), Sensors.WATER_LEVEL, 18, Sensors.PERCENT),
                        new SensorReading(2011, t("08:06:40"), "PRESS", 9.1, "bar"),
                        new CounterReading(2012, t("08:06:40"), "mpo_ver", "1.7.3"),
                        new Heartbeat(2013, t("08:06:40")),
                        new Notice(2014, t("08:08:20"), "door_open", "Front door opened")));
    }

    @Override
    protected byte[] heartbeats(String serial, List<Long> seqs, Instant time) {
        return ("CZ;1;" + serial + "\n" + seqs.stream().map(s -> s + ";" + time.getEpochSecond() + ";HB")
                .collect(Collectors.joining("\n"))).getBytes(StandardCharsets.US_ASCII);
    }

    /** Quoted verbatim in the README's Recipes section. */
    static final String RECIPE_LISTING = "RCP;1;Espresso;9.0;30;0;92;105.00\nRCP;4;Cappuccino 200;9.0;80;120;92;220.00\nEND;2\n";

    @Override
    protected String recipeListing() {
        return RECIPE_LISTING;
    }

    @Override
    protected Map<String, Map<String, String>> validArguments() {
        return Map.of("enter-service-pin", Map.of("pin", "1234"), "enter-pin", Map.of("pin", "123456"),
                "last-drinks", Map.of("count", "10"), "change-serial", Map.of("serial", "DRC12300042"));
    }

    static Instant t(String time) {
        return Instant.parse("2025-03-14T" + time + "Z");
    }
}
