package org.coffeecontrol.ui.internal.catalog;

import java.util.List;

import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;

final class ModelForm extends RecordForm<EquipmentModel> {
    private static final long serialVersionUID = 1L;

    private final TextField name = text("name", "field.name");
    private final TextField manufacturer = text("manufacturer", "field.manufacturer");
    private final TextField type = text("type", "field.type");
    private final ComboBox<String> family = field("family", new ComboBox<>(tr.t("field.family")));
    private final Checkbox supportsRecipes = new Checkbox(tr.t("field.supportsRecipes"));
    private final Checkbox supportsPromo = new Checkbox(tr.t("field.supportsPromo"));
    private EquipmentModel current;

    /** @param families the families of the drivers installed now; a model may name one not installed yet */
    ModelForm(Tr tr, List<String> families) {
        super(tr, "model");
        family.setItems(families);
        family.setAllowCustomValue(true);
        family.addCustomValueSetListener(e -> family.setValue(e.getDetail()));
        family.setHelperText(tr.t("field.family.help"));
        supportsRecipes.setId("model-supportsRecipes");
        supportsPromo.setId("model-supportsPromo");
        add(supportsRecipes, supportsPromo);
    }

    @Override
    public void read(EquipmentModel m) {
        current = m;
        name.setValue(m == null ? "" : show(m.name()));
        manufacturer.setValue(m == null ? "" : show(m.manufacturer()));
        type.setValue(m == null ? "" : show(m.type()));
        family.setValue(m == null ? null : m.family());
        supportsRecipes.setValue(m != null && m.supportsRecipes());
        supportsPromo.setValue(m != null && m.supportsPromo());
    }

    @Override
    public EquipmentModel write() {
        String fam = family.getValue() == null || family.getValue().isBlank() ? null : family.getValue().trim();
        if (fam == null) {
            throw new org.coffeecontrol.api.ValidationException("family", tr.t("validation.required"));
        }
        return new EquipmentModel(current == null ? null : current.id(), required(name, "name"),
                value(manufacturer), value(type), fam, supportsRecipes.getValue(), supportsPromo.getValue(),
                current == null ? 0 : current.version());
    }
}
