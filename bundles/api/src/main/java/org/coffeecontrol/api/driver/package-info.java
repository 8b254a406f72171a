/**
 * The machine-driver SPI. A driver is a DS service implementing {@link org.coffeecontrol.api.driver.MachineDriver}
 * for one machine family, registered with the service property {@code coffee.family}. It knows its family's wire
 * format and command set and nothing else: core hands it payloads and gets canonical events back as values.
 * Since 1.1 a driver may declare a {@link org.coffeecontrol.api.driver.RecipeDialect} for reading and writing
 * recipes (RC-2) over its own commands; since 1.2 a {@link org.coffeecontrol.api.driver.PromoImageSpec} with the
 * format, size and resolution of the promo images its screens show (RC-6).
 */
@Export
@Version("1.2.0")
package org.coffeecontrol.api.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
