package org.coffeecontrol.ui.internal.catalog;

import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

final class ClientForm extends RecordForm<Client> {
    private static final long serialVersionUID = 1L;

    private final TextField name = text("name", "field.name");
    private final TextField code = text("code", "field.code");
    private final TextField email = text("email", "field.email");
    private final TextField phone = text("phone", "field.phone");
    private final TextArea notes = field("notes", new TextArea(tr.t("field.notes")));
    private Client current;

    ClientForm(Tr tr) {
        super(tr, "client");
        setColspan(notes, 2);
    }

    @Override
    public void read(Client c) {
        current = c;
        name.setValue(c == null ? "" : show(c.name()));
        code.setValue(c == null ? "" : show(c.code()));
        email.setValue(c == null ? "" : show(c.email()));
        phone.setValue(c == null ? "" : show(c.phone()));
        notes.setValue(c == null ? "" : show(c.notes()));
    }

    @Override
    public Client write() {
        String n = notes.getValue() == null || notes.getValue().isBlank() ? null : notes.getValue().trim();
        return new Client(current == null ? null : current.id(), required(name, "name"), value(code), value(email),
                value(phone), n, current == null ? 0 : current.version());
    }
}
