package org.coffeecontrol.drivers.wmf.internal;

import java.util.Map;

import org.coffeecontrol.api.driver.Sensors;
import org.coffeecontrol.api.driver.Severity;

/** WMF's names for products, messages and sensors, and what they mean canonically (the README's tables). */
final class WmfVocabulary {

    /**
     * @param base  canonical name, or its stem when {@code sized}
     * @param sized the canonical name carries the cup size ("Americano 200"); otherwise it stands alone
     */
    record Product(String base, boolean sized) {
        String canonical(Integer ml) {
            return sized && ml != null ? base + " " + ml : base;
        }
    }

    record Message(String text, Severity severity) {
    }

    record Sensor(String canonical, String unit) {
    }

    static final Map<String, Product> RECIPES = Map.ofEntries(
            Map.entry("Café Crème", new Product("Americano", true)),
            Map.entry("Espresso", new Product("Espresso", false)),
            Map.entry("2 Espressi", new Product("Double espresso", false)),
            Map.entry("Cappuccino", new Product("Cappuccino", true)),
            Map.entry("Latte Macchiato", new Product("Latte", true)),
            Map.entry("Flat White", new Product("Flat white", true)),
            Map.entry("Hot Water", new Product("Hot water", true)),
            Map.entry("Hot Milk", new Product("Milk", true)),
            Map.entry("Mocca", new Product("Moccaccino", true)),
            Map.entry("Chocolate", new Product("Chocolate", false)),
            Map.entry("Choco Milk", new Product("Chocolate with milk", false)));

    static final Map<String, Message> MESSAGES = Map.ofEntries(
            Map.entry("E-1", new Message("Water supply pressure low", Severity.CRITICAL)),
            Map.entry("E-11", new Message("Bean hopper empty", Severity.WARNING)),
            Map.entry("E-20", new Message("Grounds container full", Severity.CRITICAL)),
            Map.entry("E-33", new Message("Heater temperature too low", Severity.WARNING)),
            Map.entry("E-61", new Message("Brewer motor overcurrent", Severity.CRITICAL)),
            Map.entry("E-115", new Message("Milk system", Severity.CRITICAL)),
            Map.entry("E-116", new Message("Milk container empty", Severity.WARNING)),
            Map.entry("E-140", new Message("Milk temperature too high", Severity.WARNING)),
            Map.entry("I-5", new Message("Cleaning due", Severity.INFO)),
            Map.entry("I-6", new Message("Descaling due", Severity.INFO)),
            Map.entry("I-7", new Message("Water filter change due", Severity.INFO)));

    static final Map<String, Sensor> SENSORS = Map.of(
            "boiler", new Sensor(Sensors.BOILER_TEMP, Sensors.CELSIUS),
            "steam", new Sensor(Sensors.STEAM_TEMP, Sensors.CELSIUS),
            "milk_temperature", new Sensor(Sensors.MILK_TEMP, Sensors.CELSIUS),
            "milk", new Sensor(Sensors.MILK_LEVEL, Sensors.PERCENT),
            "beans", new Sensor(Sensors.BEANS_LEVEL, Sensors.PERCENT),
            "water", new Sensor(Sensors.WATER_LEVEL, Sensors.PERCENT),
            "grounds", new Sensor(Sensors.WASTE_LEVEL, Sensors.PERCENT));

    private WmfVocabulary() {
    }

    /** Unknown messages are graded by their prefix: an unlisted error still gets attention, a hint does not. */
    static Message message(String code) {
        Message known = MESSAGES.get(code);
        if (known != null) {
            return known;
        }
        return new Message("WMF message " + code, code.startsWith("I-") ? Severity.INFO : Severity.WARNING);
    }
}
