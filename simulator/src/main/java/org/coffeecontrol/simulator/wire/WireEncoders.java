package org.coffeecontrol.simulator.wire;

import java.util.List;

/** The wire encoders of the three families the platform ships drivers for. */
public final class WireEncoders {

    private static final List<WireEncoder> ALL = List.of(new WmfEncoder(), new ThermoplanEncoder(),
            new DrCoffeeEncoder());

    private WireEncoders() {
    }

    public static List<WireEncoder> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException for a family without an encoder */
    public static WireEncoder forFamily(String family) {
        return ALL.stream().filter(e -> e.family().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no wire encoder for family " + family));
    }
}
