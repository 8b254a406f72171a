package org.coffeecontrol.api.catalog;

/**
 * A kind of equipment (CAT-1), bound to the machine family whose driver speaks its protocol.
 *
 * @param type            e.g. "coffee machine", "grinder", "sensor"
 * @param family          driver family key, e.g. "wmf", "thermoplan", "drcoffee"
 * @param supportsRecipes whether the recipes tab applies (RC-2)
 * @param supportsPromo   whether promo images can be pushed (RC-6)
 */
public record EquipmentModel(Long id, String name, String manufacturer, String type, String family,
        boolean supportsRecipes, boolean supportsPromo, long version) {
}
