package org.coffeecontrol.tickets.api;

import java.math.BigDecimal;

/** A consumable used on a service visit (milk cleaner, descaler, water filter …), for the service act (TKT-6). */
public record ActConsumable(String name, BigDecimal quantity, String unit) {
}
