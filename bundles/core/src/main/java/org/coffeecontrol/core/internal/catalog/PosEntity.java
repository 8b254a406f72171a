package org.coffeecontrol.core.internal.catalog;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.core.internal.db.MapColumn;

@Entity
@Table(name = "cc_pos")
public class PosEntity implements Versioned {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String name;
    String code;
    @Column(name = "client_id")
    long clientId;
    @Column(name = "region_id")
    Long regionId;
    String address;
    Double latitude;
    Double longitude;
    @Column(name = "opening_hours")
    String openingHours;
    @Column(name = "cleaning_times")
    String cleaningTimes;
    @Column(name = "monitoring_package")
    String monitoringPackage;
    @Column(name = "sla_level")
    String slaLevel;
    @Column(name = "service_org")
    String serviceOrganisation;
    @Column(name = "audit_org")
    String auditOrganisation;
    @Column(name = "helpdesk_route")
    String helpdeskRoute;
    @Column(name = "service_mechanic")
    String serviceMechanic;
    @Column(name = "audit_mechanic")
    String auditMechanic;
    String phone;
    String email;
    @Column(name = "time_zone")
    String timeZone;
    @Version
    long version;

    PointOfSale toRecord() {
        return new PointOfSale(id, name, code, clientId, regionId, address, latitude, longitude,
                MapColumn.read(openingHours), cleaningTimes, monitoringPackage, slaLevel, serviceOrganisation,
                auditOrganisation, helpdeskRoute, serviceMechanic, auditMechanic, phone, email, version, timeZone);
    }

    /** Expects a validated record (see CatalogValidator). */
    void apply(PointOfSale p, String normalisedHours, String normalisedCleaning) {
        name = p.name().trim();
        code = Strings.blankToNull(p.code());
        clientId = p.clientId();
        regionId = p.regionId();
        address = Strings.blankToNull(p.address());
        latitude = p.latitude();
        longitude = p.longitude();
        openingHours = normalisedHours;
        cleaningTimes = normalisedCleaning;
        monitoringPackage = Strings.blankToNull(p.monitoringPackage());
        slaLevel = Strings.blankToNull(p.slaLevel());
        serviceOrganisation = Strings.blankToNull(p.serviceOrganisation());
        auditOrganisation = Strings.blankToNull(p.auditOrganisation());
        helpdeskRoute = Strings.blankToNull(p.helpdeskRoute());
        serviceMechanic = Strings.blankToNull(p.serviceMechanic());
        auditMechanic = Strings.blankToNull(p.auditMechanic());
        phone = Strings.blankToNull(p.phone());
        email = Strings.blankToNull(p.email());
        timeZone = Strings.blankToNull(p.timeZone());
    }

    @Override
    public long currentVersion() {
        return version;
    }
}
