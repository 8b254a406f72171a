package org.coffeecontrol.core.internal.catalog;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.coffeecontrol.api.catalog.Client;

@Entity
@Table(name = "cc_client")
public class ClientEntity implements Versioned {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String name;
    String code;
    String email;
    String phone;
    String notes;
    @Version
    @Column(name = "version")
    long version;

    Client toRecord() {
        return new Client(id, name, code, email, phone, notes, version);
    }

    void apply(Client c) {
        name = c.name().trim();
        code = Strings.blankToNull(c.code());
        email = Strings.blankToNull(c.email());
        phone = Strings.blankToNull(c.phone());
        notes = Strings.blankToNull(c.notes());
    }

    @Override
    public long currentVersion() {
        return version;
    }
}
