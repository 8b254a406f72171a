package org.coffeecontrol.api.driver;

/** Canonical sensor names, so that reports and dashboards compare machines of different families. */
public final class Sensors {
    public static final String BOILER_TEMP = "boiler_temp";
    public static final String STEAM_TEMP = "steam_temp";
    public static final String MILK_TEMP = "milk_temp";
    public static final String MILK_LEVEL = "milk_level";
    public static final String BEANS_LEVEL = "beans_level";
    public static final String WATER_LEVEL = "water_level";
    public static final String WASTE_LEVEL = "waste_level";
    /** Unit of the level sensors. */
    public static final String PERCENT = "%";
    public static final String CELSIUS = "C";

    private Sensors() {
    }
}
