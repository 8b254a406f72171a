package org.coffeecontrol.core.internal.catalog;

import java.util.Locale;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.coffeecontrol.api.catalog.EquipmentModel;

@Entity
@Table(name = "cc_model")
public class ModelEntity implements Versioned {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String name;
    String manufacturer;
    @Column(name = "equipment_type")
    String type;
    String family;
    @Column(name = "supports_recipes")
    boolean supportsRecipes;
    @Column(name = "supports_promo")
    boolean supportsPromo;
    @Version
    long version;

    EquipmentModel toRecord() {
        return new EquipmentModel(id, name, manufacturer, type, family, supportsRecipes, supportsPromo, version);
    }

    void apply(EquipmentModel m) {
        name = m.name().trim();
        manufacturer = Strings.blankToNull(m.manufacturer());
        type = Strings.blankToNull(m.type());
        family = m.family().trim().toLowerCase(Locale.ROOT);
        supportsRecipes = m.supportsRecipes();
        supportsPromo = m.supportsPromo();
    }

    @Override
    public long currentVersion() {
        return version;
    }
}
