package org.coffeecontrol.core.internal.catalog;

import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.coffeecontrol.api.catalog.Region;

@Entity
@Table(name = "cc_region")
public class RegionEntity implements Versioned {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String name;
    String code;
    @Version
    long version;

    Region toRecord() {
        return new Region(id, name, code, version);
    }

    void apply(Region r) {
        name = r.name().trim();
        code = Strings.blankToNull(r.code());
    }

    @Override
    public long currentVersion() {
        return version;
    }
}
