package org.coffeecontrol.core.internal.catalog;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.core.internal.db.MapColumn;

@Entity
@Table(name = "cc_equipment")
public class EquipmentEntity implements Versioned {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "model_id")
    long modelId;
    /** Copied from the model so telemetry finds a machine by (family, serial) with one index lookup. */
    String family;
    @Column(name = "serial_number")
    String serialNumber;
    @Column(name = "pos_id")
    Long posId;
    @Column(name = "inventory_number")
    String inventoryNumber;
    String host;
    @Column(name = "ssh_port")
    Integer sshPort;
    String firmware;
    boolean rented;
    String attributes;
    @Column(name = "telemetry_secret_hash")
    String telemetrySecretHash;
    @Version
    long version;

    Equipment toRecord() {
        return new Equipment(id, modelId, serialNumber, posId, inventoryNumber, host, sshPort,
                MapColumn.read(firmware), rented, MapColumn.read(attributes), version);
    }

    void apply(Equipment e, String modelFamily) {
        modelId = e.modelId();
        family = modelFamily;
        serialNumber = e.serialNumber().trim();
        posId = e.posId();
        inventoryNumber = Strings.blankToNull(e.inventoryNumber());
        host = Strings.blankToNull(e.host());
        sshPort = e.sshPort();
        firmware = MapColumn.write(e.firmware(), "firmware");
        rented = e.rented();
        attributes = MapColumn.write(e.attributes(), "attributes");
    }

    @Override
    public long currentVersion() {
        return version;
    }
}
