package org.coffeecontrol.tickets.api;

import java.util.List;

/**
 * Replaces the act's own fields at once. {@code engineerSignaturePng} null keeps the stored drawing, an empty array
 * removes it.
 *
 * @param version the version read; a stale one fails with a ConflictException
 */
public record ServiceActUpdate(List<ActConsumable> consumables, String downtimeJustification, String engineerName,
        byte[] engineerSignaturePng, String customerName, long version) {
}
