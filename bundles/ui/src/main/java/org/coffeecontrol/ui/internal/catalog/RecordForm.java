package org.coffeecontrol.ui.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A form for one catalogue record: {@link #read} fills the fields, {@link #write} builds the record to save. The
 * fields are registered under the record's component names, which are also the names the catalogue service puts
 * into {@link ValidationException#field()}, so a server-side validation error lands on the field it is about.
 */
public abstract class RecordForm<T> extends FormLayout {
    private static final long serialVersionUID = 1L;

    protected final Tr tr;
    private final String idPrefix;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    protected RecordForm(Tr tr, String idPrefix) {
        this.tr = tr;
        this.idPrefix = idPrefix;
        // One column on a phone, two from 600px.
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
    }

    /** Fills the fields from a record; null starts a new one. */
    public abstract void read(T value);

    /** The record the fields describe; a malformed input is a {@link ValidationException} naming its field. */
    public abstract T write();

    protected <C extends Component & HasValidation> C field(String name, C component) {
        component.setId(idPrefix + "-" + name.replace('.', '-'));
        fields.put(name, component);
        add(component);
        return component;
    }

    protected TextField text(String name, String labelKey) {
        return field(name, new TextField(tr.t(labelKey)));
    }

    /** The registered field an error names, trying {@code fooId} for {@code foo} and the parent of a dotted name. */
    public HasValidation fieldFor(String name) {
        if (name == null) {
            return null;
        }
        if (fields.containsKey(name)) {
            return fields.get(name);
        }
        if (fields.containsKey(name + "Id")) {
            return fields.get(name + "Id");
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? fieldFor(name.substring(0, dot)) : null;
    }

    /** Shows the error on its field; false when the form has no such field and the caller must show it elsewhere. */
    public boolean showError(ValidationException e) {
        HasValidation f = fieldFor(e.field());
        if (f == null) {
            return false;
        }
        f.setErrorMessage(e.detail());
        f.setInvalid(true);
        if (f instanceof Component c && c instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        }
        return true;
    }

    public void clearErrors() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    protected static String value(TextField f) {
        String v = f.getValue();
        return v == null || v.isBlank() ? null : v.trim();
    }

    protected static String show(Object v) {
        return v == null ? "" : v.toString();
    }

    protected String required(TextField f, String name) {
        String v = value(f);
        if (v == null) {
            throw new ValidationException(name, tr.t("validation.required"));
        }
        return v;
    }

    protected Double decimal(TextField f, String name) {
        String v = value(f);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValidationException(name, tr.t("validation.number"));
        }
    }

    protected Integer integer(TextField f, String name) {
        String v = value(f);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, tr.t("validation.integer"));
        }
    }
}
