package org.coffeecontrol.simulator.model;

/**
 * A product a machine offers, with what one serving consumes.
 *
 * @param name   canonical product name as the drivers decode it, e.g. {@code Cappuccino 200}
 * @param sizeMl cup size in ml
 * @param weight relative popularity; the fleet's mix follows the manual's reference day
 * @param beansG coffee ground per serving
 * @param milkMl fresh milk per serving
 */
public record Product(String name, int sizeMl, double weight, double beansG, int milkMl) {

    public boolean usesBeans() {
        return beansG > 0;
    }

    public boolean usesMilk() {
        return milkMl > 0;
    }
}
