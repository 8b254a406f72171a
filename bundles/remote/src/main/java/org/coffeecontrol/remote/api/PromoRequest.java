package org.coffeecontrol.remote.api;

import java.util.List;

/**
 * An image and who gets it: every machine that can show promos among the given clients, regions, points of sale
 * and serials (the union; at least one must be given).
 *
 * @param fileName the name it gets on the machines, e.g. {@code summer.png}: letters, digits, {@code . _ -}, and the
 *                 extension of its format
 */
public record PromoRequest(String fileName, byte[] image, List<Long> clientIds, List<Long> regionIds,
        List<Long> posIds, List<String> serials) {

    public PromoRequest {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
        posIds = posIds == null ? List.of() : List.copyOf(posIds);
        serials = serials == null ? List.of() : List.copyOf(serials);
    }
}
