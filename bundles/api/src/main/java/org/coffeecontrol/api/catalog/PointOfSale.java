package org.coffeecontrol.api.catalog;

import java.util.Map;

/**
 * A point of sale (CAT-3), usually a fuel-station shop.
 *
 * @param openingHours        per weekday key (MON..SUN) a value such as {@code 07:00-23:00},
 *                            {@code 00:00-24:00}, {@code 07:00-12:00,13:00-20:00} or {@code closed};
 *                            see {@link OpeningHours}
 * @param cleaningTimes       scheduled rinse times of day, e.g. {@code 06:30,22:30}
 * @param monitoringPackage   monitoring package, decides the expected heartbeat interval
 * @param slaLevel            SLA level, decides audit visits per month
 * @param serviceMechanic     username of the assigned service engineer
 * @param auditMechanic       username of the assigned audit engineer
 * @param helpdeskRoute       where field tickets go: e.g. INTRASERVICE or EKDS
 * @param timeZone            IANA zone its opening hours are read in (e.g. {@code Asia/Novosibirsk}); null means
 *                            the platform's zone
 * @since 1.1
 */
public record PointOfSale(Long id, String name, String code, long clientId, Long regionId, String address,
        Double latitude, Double longitude, Map<String, String> openingHours, String cleaningTimes,
        String monitoringPackage, String slaLevel, String serviceOrganisation, String auditOrganisation,
        String helpdeskRoute, String serviceMechanic, String auditMechanic, String phone, String email,
        long version, String timeZone) {

    public PointOfSale {
        openingHours = openingHours == null ? Map.of() : Map.copyOf(openingHours);
    }

    /** A point of sale in the platform's time zone (the form of catalogue 1.0). */
    public PointOfSale(Long id, String name, String code, long clientId, Long regionId, String address,
            Double latitude, Double longitude, Map<String, String> openingHours, String cleaningTimes,
            String monitoringPackage, String slaLevel, String serviceOrganisation, String auditOrganisation,
            String helpdeskRoute, String serviceMechanic, String auditMechanic, String phone, String email,
            long version) {
        this(id, name, code, clientId, regionId, address, latitude, longitude, openingHours, cleaningTimes,
                monitoringPackage, slaLevel, serviceOrganisation, auditOrganisation, helpdeskRoute, serviceMechanic,
                auditMechanic, phone, email, version, null);
    }

    /** The zone its opening hours are read in: its own, else {@code platformZone}. */
    public java.time.ZoneId zoneOr(java.time.ZoneId platformZone) {
        return timeZone == null || timeZone.isBlank() ? platformZone : java.time.ZoneId.of(timeZone);
    }
}
