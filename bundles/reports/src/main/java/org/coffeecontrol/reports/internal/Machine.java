package org.coffeecontrol.reports.internal;

import org.coffeecontrol.api.catalog.PointOfSale;

/** A machine in a report's scope with where it stands now (reports attribute history to the current place). */
record Machine(long id, String serial, PointOfSale pos, String clientName, String regionName) {

    Long posId() {
        return pos == null ? null : pos.id();
    }

    Long clientId() {
        return pos == null ? null : pos.clientId();
    }

    Long regionId() {
        return pos == null ? null : pos.regionId();
    }

    String posName() {
        return pos == null ? "(in stock)" : pos.name();
    }
}
