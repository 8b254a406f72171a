package org.coffeecontrol.ui.internal.catalog;

import org.coffeecontrol.api.catalog.Region;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.textfield.TextField;

final class RegionForm extends RecordForm<Region> {
    private static final long serialVersionUID = 1L;

    private final TextField name = text("name", "field.name");
    private final TextField code = text("code", "field.code");
    private Region current;

    RegionForm(Tr tr) {
        super(tr, "region");
    }

    @Override
    public void read(Region r) {
        current = r;
        name.setValue(r == null ? "" : show(r.name()));
        code.setValue(r == null ? "" : show(r.code()));
    }

    @Override
    public Region write() {
        return new Region(current == null ? null : current.id(), required(name, "name"), value(code),
                current == null ? 0 : current.version());
    }
}
