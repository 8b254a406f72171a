package org.coffeecontrol.reports.api;

import java.util.Set;

/**
 * Which machines and items a report covers; an empty set means "no restriction". Ids the caller may not see are
 * refused ({@link org.coffeecontrol.api.NotFoundException}) rather than silently dropped.
 */
public record ReportFilter(Set<Long> clientIds, Set<Long> regionIds, Set<Long> posIds, Set<Long> equipmentIds,
        Set<String> products, Set<String> sensors) {

    public ReportFilter {
        clientIds = clientIds == null ? Set.of() : Set.copyOf(clientIds);
        regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
        posIds = posIds == null ? Set.of() : Set.copyOf(posIds);
        equipmentIds = equipmentIds == null ? Set.of() : Set.copyOf(equipmentIds);
        products = products == null ? Set.of() : Set.copyOf(products);
        sensors = sensors == null ? Set.of() : Set.copyOf(sensors);
    }

    public static ReportFilter none() {
        return new ReportFilter(null, null, null, null, null, null);
    }

    public ReportFilter withPos(long posId) {
        return new ReportFilter(clientIds, regionIds, Set.of(posId), equipmentIds, products, sensors);
    }

    public ReportFilter withClient(long clientId) {
        return new ReportFilter(Set.of(clientId), regionIds, posIds, equipmentIds, products, sensors);
    }

    public ReportFilter withEquipment(long equipmentId) {
        return new ReportFilter(clientIds, regionIds, posIds, Set.of(equipmentId), products, sensors);
    }
}
