package org.coffeecontrol.ui.internal.catalog;

import java.util.function.Supplier;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.EquipmentModel;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

/** A machine (CAT-2): model, serial, where it stands, how to reach it, what it runs. */
final class EquipmentForm extends RecordForm<Equipment> {
    private static final long serialVersionUID = 1L;

    private final EntityCombo<EquipmentModel> model;
    private final TextField serialNumber;
    private final EntityCombo<PointOfSale> pos;
    private final TextField inventoryNumber;
    private final TextField host;
    private final TextField sshPort;
    private final RadioButtonGroup<Boolean> rented;
    private final KeyValueEditor firmware;
    private final KeyValueEditor attributes;
    private Equipment current;

    EquipmentForm(Tr tr, CatalogService catalog, Supplier<Caller> caller) {
        super(tr, "equipment");
        model = field("modelId", new EntityCombo<>(tr.t("field.model"), q -> catalog.models(caller.get(), q),
                id -> catalog.model(caller.get(), id), EquipmentModel::id,
                m -> m.manufacturer() == null ? m.name() : m.manufacturer() + " " + m.name()));
        serialNumber = text("serialNumber", "field.serialNumber");
        pos = field("posId", new EntityCombo<>(tr.t("field.pos"), q -> catalog.pointsOfSale(caller.get(), q),
                id -> catalog.pointOfSale(caller.get(), id), PointOfSale::id,
                p -> p.code() == null ? p.name() : p.name() + " (" + p.code() + ")"));
        pos.setHelperText(tr.t("field.pos.help"));
        inventoryNumber = text("inventoryNumber", "field.inventoryNumber");
        host = text("host", "field.host");
        sshPort = text("sshPort", "field.sshPort");
        sshPort.setPlaceholder("22");
        rented = field("rented", new RadioButtonGroup<>(tr.t("field.ownership")));
        rented.setItems(Boolean.FALSE, Boolean.TRUE);
        rented.setItemLabelGenerator(r -> tr.t(r ? "field.rented" : "field.owned"));
        firmware = field("firmware", new KeyValueEditor(tr, tr.t("field.firmware"), "equipment-firmware"));
        attributes = field("attributes", new KeyValueEditor(tr, tr.t("field.attributes"), "equipment-attributes"));
        setColspan(firmware, 2);
        setColspan(attributes, 2);
    }

    @Override
    public void read(Equipment e) {
        current = e;
        model.setValueId(e == null ? null : e.modelId());
        serialNumber.setValue(e == null ? "" : show(e.serialNumber()));
        pos.setValueId(e == null ? null : e.posId());
        inventoryNumber.setValue(e == null ? "" : show(e.inventoryNumber()));
        host.setValue(e == null ? "" : show(e.host()));
        sshPort.setValue(e == null ? "" : show(e.sshPort()));
        rented.setValue(e != null && e.rented());
        firmware.setValue(e == null ? java.util.Map.of() : e.firmware());
        attributes.setValue(e == null ? java.util.Map.of() : e.attributes());
    }

    @Override
    public Equipment write() {
        Long modelId = model.valueId();
        if (modelId == null) {
            throw new ValidationException("modelId", tr.t("validation.required"));
        }
        String serial = required(serialNumber, "serialNumber");
        Integer port = integer(sshPort, "sshPort");
        if (port != null && (port < 1 || port > 65535)) {
            throw new ValidationException("sshPort", tr.t("validation.port"));
        }
        return new Equipment(current == null ? null : current.id(), modelId, serial, pos.valueId(),
                value(inventoryNumber), value(host), port, firmware.entries("firmware"),
                Boolean.TRUE.equals(rented.getValue()), attributes.entries("attributes"),
                current == null ? 0 : current.version());
    }
}
