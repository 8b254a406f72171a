package org.coffeecontrol.simulator.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What distinguishes the machines of one family in the simulation: models, products, error codes, cleaning
 * programs and service counters. The codes and products here are the contract with the drivers (documented in
 * simulator/README.md); change both together.
 *
 * @param beansEmpty consumable errors, raised when a level runs out and cleared by the refill; {@code null} when
 *                   the family has no such consumable (plumbed machines have no water tank)
 */
public record FamilyProfile(String family, String manufacturer, List<String> models, String serialPrefix,
        List<Product> products, List<ErrorCode> errors, ErrorCode beansEmpty, ErrorCode milkEmpty,
        ErrorCode wasteFull, ErrorCode waterEmpty, List<String> cleaningPrograms, boolean hasMilkSensors,
        boolean hasSteamBoiler, double boilerSetpoint, Map<String, String> firmware, boolean supportsRecipes,
        boolean supportsPromo) {

    public static final String WMF = "wmf";
    public static final String THERMOPLAN = "thermoplan";
    public static final String DRCOFFEE = "drcoffee";

    public FamilyProfile {
        models = List.copyOf(models);
        products = List.copyOf(products);
        errors = List.copyOf(errors);
        cleaningPrograms = List.copyOf(cleaningPrograms);
        firmware = Map.copyOf(firmware);
    }

    public static List<FamilyProfile> all() {
        return ALL;
    }

    public static Optional<FamilyProfile> of(String family) {
        return ALL.stream().filter(p -> p.family.equals(family)).findFirst();
    }

    public Optional<ErrorCode> error(String code) {
        return allErrors().stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** Random errors followed by the consumable ones, without the absent consumables. */
    public List<ErrorCode> allErrors() {
        List<ErrorCode> out = new java.util.ArrayList<>(errors);
        for (ErrorCode e : new ErrorCode[] { beansEmpty, milkEmpty, wasteFull, waterEmpty }) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    // Weights follow the manual's reference day at one POS: Americano 20, cappuccino 13, hot water 6, latte 5,
    // double espresso 4, espresso 3, milk 2, flat white 2, moccaccino 1, chocolate 1, chocolate with milk 1.
    private static final Product ESPRESSO = new Product("Espresso", 30, 3, 9, 0);
    private static final Product DOUBLE_ESPRESSO = new Product("Double espresso", 60, 4, 17, 0);
    private static final Product AMERICANO = new Product("Americano 200", 200, 20, 10, 0);
    private static final Product CAPPUCCINO = new Product("Cappuccino 200", 200, 13, 9, 120);
    private static final Product LATTE = new Product("Latte 200", 200, 5, 9, 160);
    private static final Product FLAT_WHITE = new Product("Flat white 200", 200, 2, 17, 130);
    private static final Product HOT_WATER = new Product("Hot water 200", 200, 6, 0, 0);
    private static final Product MILK = new Product("Milk 50", 50, 2, 0, 50);
    private static final Product MOCCACCINO = new Product("Moccaccino 200", 200, 1, 9, 100);
    private static final Product CHOCOLATE = new Product("Chocolate", 200, 1, 0, 0);
    private static final Product CHOCOLATE_MILK = new Product("Chocolate with milk", 200, 1, 0, 120);

    // After the products: static initialisation runs in declaration order.
    private static final List<FamilyProfile> ALL = List.of(wmf(), thermoplan(), drcoffee());

    private static Map<String, String> counters(String mpo, String pym, String board, String beverages,
            String params) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mpo_ver", mpo);
        m.put("pym_ver", pym);
        m.put("mainboard_version", board);
        m.put("beverages_version", beverages);
        m.put("machine_parameters_version", params);
        return m;
    }

    private static FamilyProfile wmf() {
        return new FamilyProfile(WMF, "WMF", List.of("WMF 1500S+", "WMF 5000S+", "WMF 1100S"), "WMF",
                List.of(ESPRESSO, DOUBLE_ESPRESSO, AMERICANO, CAPPUCCINO, LATTE, FLAT_WHITE, HOT_WATER, MILK,
                        MOCCACCINO, CHOCOLATE, CHOCOLATE_MILK),
                List.of(new ErrorCode("E-115", "Milk system", true, 0.08, 90, true),
                        new ErrorCode("E-61", "Brewer motor overcurrent", true, 0.03, 180, true),
                        new ErrorCode("E-1", "Water supply pressure low", true, 0.04, 45, true),
                        new ErrorCode("E-33", "Heater temperature too low", false, 0.15, 12, false),
                        new ErrorCode("E-140", "Milk temperature too high", false, 0.1, 30, false)),
                new ErrorCode("E-11", "Bean hopper empty", false, 0, 0, false),
                new ErrorCode("E-116", "Milk container empty", false, 0, 0, false),
                new ErrorCode("E-20", "Grounds container full", true, 0, 0, true),
                null,
                List.of("System cleaning", "Milk system cleaning"), true, true, 93,
                counters("3.12.4", "2.8.1", "MB-5.2", "2024.3", "17"), true, true);
    }

    private static FamilyProfile thermoplan() {
        return new FamilyProfile(THERMOPLAN, "Thermoplan", List.of("Black&White4 compact", "Black&White4 CTM"),
                "BW4",
                List.of(ESPRESSO, DOUBLE_ESPRESSO, AMERICANO, CAPPUCCINO, LATTE, FLAT_WHITE, HOT_WATER, MILK,
                        CHOCOLATE_MILK),
                List.of(new ErrorCode("28", "Grinder blocked", true, 0.05, 120, true),
                        new ErrorCode("12", "Brew unit error", true, 0.03, 150, true),
                        new ErrorCode("55", "Steam boiler over temperature", true, 0.02, 60, true),
                        new ErrorCode("41", "Milk pump dry run", false, 0.1, 20, false),
                        new ErrorCode("63", "Water flow meter timeout", false, 0.12, 8, false)),
                new ErrorCode("7", "Bean container empty", false, 0, 0, false),
                new ErrorCode("43", "Milk fridge empty", false, 0, 0, false),
                new ErrorCode("9", "Grounds drawer full", true, 0, 0, true),
                null,
                List.of("rinse", "milk rinse"), true, true, 94,
                counters("4.2.0", "1.9.7", "BW-CTRL-3", "2025.1", "22"), true, true);
    }

    private static FamilyProfile drcoffee() {
        return new FamilyProfile(DRCOFFEE, "Dr.Coffee", List.of("Dr.Coffee CoffeeZone", "Dr.Coffee F2"), "DRC",
                List.of(ESPRESSO, DOUBLE_ESPRESSO, AMERICANO, CAPPUCCINO, LATTE, HOT_WATER, MOCCACCINO, CHOCOLATE,
                        CHOCOLATE_MILK),
                List.of(new ErrorCode("E01", "Brewer not in position", true, 0.04, 60, true),
                        new ErrorCode("E03", "Heating timeout", true, 0.03, 40, true),
                        new ErrorCode("E21", "Mixing motor jammed", true, 0.02, 200, true),
                        new ErrorCode("E05", "Flowmeter fault", false, 0.1, 10, false)),
                new ErrorCode("E11", "Bean shortage", false, 0, 0, false),
                null,
                new ErrorCode("E08", "Waste bin full", true, 0, 0, true),
                new ErrorCode("E07", "Water tank empty", true, 0, 0, true),
                List.of("CLEAN", "RINSE"), false, false, 92,
                counters("1.7.3", "1.2.0", "DC-MB-2", "2023.9", "9"), true, false);
    }
}
