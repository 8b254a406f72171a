package org.coffeecontrol.drivers.thermoplan.internal;

import java.util.Map;

import org.coffeecontrol.api.driver.Sensors;
import org.coffeecontrol.api.driver.Severity;

/** Thermoplan's product, error, sensor and counter names and their canonical meaning (the README's tables). */
final class ThermoplanVocabulary {

    /** @param sized the canonical name carries the volume ("Cappuccino 200") */
    record Product(String base, boolean sized) {
        String canonical(Integer ml) {
            return sized && ml != null ? base + " " + ml : base;
        }
    }

    record Error(String title, Severity severity) {
    }

    record Sensor(String canonical, String unit) {
    }

    static final Map<String, Product> PRODUCTS = Map.ofEntries(
            Map.entry("Americano", new Product("Americano", true)),
            Map.entry("Espresso", new Product("Espresso", false)),
            Map.entry("Double Espresso", new Product("Double espresso", false)),
            Map.entry("Cappuccino", new Product("Cappuccino", true)),
            Map.entry("Caffe Latte", new Product("Latte", true)),
            Map.entry("Flat White", new Product("Flat white", true)),
            Map.entry("Hot Water", new Product("Hot water", true)),
            Map.entry("Warm Milk", new Product("Milk", true)),
            Map.entry("Mochaccino", new Product("Moccaccino", true)),
            Map.entry("Hot Chocolate", new Product("Chocolate", false)),
            Map.entry("Chocolate Milk", new Product("Chocolate with milk", false)));

    static final Map<Integer, Error> ERRORS = Map.of(
            7, new Error("Bean container empty", Severity.WARNING),
            9, new Error("Grounds drawer full", Severity.CRITICAL),
            12, new Error("Brew unit error", Severity.CRITICAL),
            28, new Error("Grinder blocked", Severity.CRITICAL),
            41, new Error("Milk pump dry run", Severity.WARNING),
            43, new Error("Milk fridge empty", Severity.WARNING),
            55, new Error("Steam boiler over temperature", Severity.CRITICAL),
            63, new Error("Water flow meter timeout", Severity.WARNING));

    static final Map<String, Sensor> SENSORS = Map.of(
            "boiler_temperature", new Sensor(Sensors.BOILER_TEMP, Sensors.CELSIUS),
            "steam_boiler_temperature", new Sensor(Sensors.STEAM_TEMP, Sensors.CELSIUS),
            "milk_temperature", new Sensor(Sensors.MILK_TEMP, Sensors.CELSIUS),
            "milk_level", new Sensor(Sensors.MILK_LEVEL, Sensors.PERCENT),
            "bean_hopper_level", new Sensor(Sensors.BEANS_LEVEL, Sensors.PERCENT),
            "water_tank_level", new Sensor(Sensors.WATER_LEVEL, Sensors.PERCENT),
            "grounds_drawer_level", new Sensor(Sensors.WASTE_LEVEL, Sensors.PERCENT));

    /** D2D counter names to the service counter keys of DOMAIN.md. */
    static final Map<String, String> COUNTERS = Map.of(
            "MpoVersion", "mpo_ver",
            "PymVersion", "pym_ver",
            "MainboardVersion", "mainboard_version",
            "BoilerSetpoint", "water_boiler_seted_value",
            "DescalingInterval", "descaling_count_seted_value",
            "DescalingCounter", "descaling_count_current_value",
            "BeverageTableVersion", "beverages_version",
            "ParameterSetVersion", "machine_parameters_version");

    private ThermoplanVocabulary() {
    }

    static Error error(int number) {
        Error known = ERRORS.get(number);
        return known != null ? known : new Error("Thermoplan error " + number, Severity.WARNING);
    }
}
