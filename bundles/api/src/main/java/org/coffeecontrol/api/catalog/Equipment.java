package org.coffeecontrol.api.catalog;

import java.util.Map;

/**
 * One machine (CAT-2).
 *
 * @param posId      the point of sale it stands at; null while in stock
 * @param host       IP address or host name for remote control
 * @param sshPort    SSH port, null for the default 22
 * @param firmware   firmware and software versions by component
 * @param rented     true when rented, false when owned
 * @param attributes technical characteristics
 */
public record Equipment(Long id, long modelId, String serialNumber, Long posId, String inventoryNumber,
        String host, Integer sshPort, Map<String, String> firmware, boolean rented,
        Map<String, String> attributes, long version) {

    public Equipment {
        firmware = firmware == null ? Map.of() : Map.copyOf(firmware);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
