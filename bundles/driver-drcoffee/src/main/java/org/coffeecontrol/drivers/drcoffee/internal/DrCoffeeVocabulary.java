package org.coffeecontrol.drivers.drcoffee.internal;

import java.util.Map;

import org.coffeecontrol.api.driver.Sensors;
import org.coffeecontrol.api.driver.Severity;

/** CoffeeZone product numbers, error codes and sensor names, and their canonical meaning (the README's tables). */
final class DrCoffeeVocabulary {

    /** @param sized the canonical name carries the cup size ("Latte 200") */
    record Product(String base, boolean sized) {
        String canonical(Integer ml) {
            return sized && ml != null ? base + " " + ml : base;
        }
    }

    record Error(String text, Severity severity) {
    }

    record Sensor(String canonical, String unit) {
    }

    /** Product 0 is a custom recipe: its name travels in the line. */
    static final int CUSTOM_PRODUCT = 0;

    static final Map<Integer, Product> PRODUCTS = Map.ofEntries(
            Map.entry(1, new Product("Espresso", false)),
            Map.entry(2, new Product("Double espresso", false)),
            Map.entry(3, new Product("Americano", true)),
            Map.entry(4, new Product("Cappuccino", true)),
            Map.entry(5, new Product("Latte", true)),
            Map.entry(6, new Product("Flat white", true)),
            Map.entry(7, new Product("Hot water", true)),
            Map.entry(8, new Product("Milk", true)),
            Map.entry(9, new Product("Moccaccino", true)),
            Map.entry(10, new Product("Chocolate", false)),
            Map.entry(11, new Product("Chocolate with milk", false)));

    static final Map<String, Error> ERRORS = Map.of(
            "E01", new Error("Brewer not in position", Severity.CRITICAL),
            "E03", new Error("Heating timeout", Severity.CRITICAL),
            "E05", new Error("Flowmeter fault", Severity.WARNING),
            "E07", new Error("Water tank empty", Severity.CRITICAL),
            "E08", new Error("Waste bin full", Severity.CRITICAL),
            "E11", new Error("Bean shortage", Severity.WARNING),
            "E21", new Error("Mixing motor jammed", Severity.CRITICAL));

    static final Map<String, Sensor> SENSORS = Map.of(
            "TBOIL", new Sensor(Sensors.BOILER_TEMP, Sensors.CELSIUS),
            "TSTEAM", new Sensor(Sensors.STEAM_TEMP, Sensors.CELSIUS),
            "TMILK", new Sensor(Sensors.MILK_TEMP, Sensors.CELSIUS),
            "LMILK", new Sensor(Sensors.MILK_LEVEL, Sensors.PERCENT),
            "LBEAN", new Sensor(Sensors.BEANS_LEVEL, Sensors.PERCENT),
            "LWATER", new Sensor(Sensors.WATER_LEVEL, Sensors.PERCENT),
            "LWASTE", new Sensor(Sensors.WASTE_LEVEL, Sensors.PERCENT));

    private DrCoffeeVocabulary() {
    }

    static Error error(String code) {
        Error known = ERRORS.get(code);
        return known != null ? known : new Error("Dr.Coffee error " + code, Severity.WARNING);
    }
}
