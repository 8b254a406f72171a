package org.coffeecontrol.monitoring.api;

import java.time.LocalDate;
import java.util.List;

/** Drinks made in the days {@code from}..{@code to} (inclusive), per product, most sold first, with the total. */
public record DrinksSold(Scope scope, LocalDate from, LocalDate to, List<ProductCount> products, long total) {

    public DrinksSold {
        products = List.copyOf(products);
    }

    public record ProductCount(String product, long count) {
    }
}
