package org.coffeecontrol.ui.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/** Edits a small string map (firmware versions, technical attributes) as rows of key and value. */
public class KeyValueEditor extends CustomField<Map<String, String>> {
    private static final long serialVersionUID = 1L;

    private record Row(TextField key, TextField value, HorizontalLayout layout) {
    }

    private final Tr tr;
    private final String idPrefix;
    private final List<Row> rows = new ArrayList<>();
    private final VerticalLayout rowsLayout = new VerticalLayout();
    private int nextRow;

    public KeyValueEditor(Tr tr, String label, String idPrefix) {
        this.tr = tr;
        this.idPrefix = idPrefix;
        setLabel(label);
        rowsLayout.setPadding(false);
        rowsLayout.setSpacing(false);
        Button add = new Button(tr.t("action.addRow"), VaadinIcon.PLUS.create(), e -> addRow("", ""));
        add.setId(idPrefix + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        VerticalLayout all = new VerticalLayout(rowsLayout, add);
        all.setPadding(false);
        all.setSpacing(false);
        add(all);
    }

    private void addRow(String k, String v) {
        int n = nextRow++;
        TextField key = new TextField();
        key.setPlaceholder(tr.t("field.key"));
        key.setValue(k);
        key.setId(idPrefix + "-key-" + n);
        TextField value = new TextField();
        value.setPlaceholder(tr.t("field.value"));
        value.setValue(v);
        value.setId(idPrefix + "-value-" + n);
        HorizontalLayout layout = new HorizontalLayout(key, value);
        layout.setWidthFull();
        layout.expand(key, value);
        Row row = new Row(key, value, layout);
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            rows.remove(row);
            rowsLayout.remove(layout);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.setAriaLabel(tr.t("action.delete"));
        layout.add(remove);
        rows.add(row);
        rowsLayout.add(layout);
    }

    /**
     * The entries, validated: every row with a value needs a key, and keys are unique. Rows left entirely blank are
     * ignored.
     */
    public Map<String, String> entries(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : rows) {
            String k = r.key().getValue().trim();
            String v = r.value().getValue().trim();
            if (k.isEmpty() && v.isEmpty()) {
                continue;
            }
            if (k.isEmpty()) {
                throw new ValidationException(field, tr.t("validation.keyRequired"));
            }
            if (out.put(k, v) != null) {
                throw new ValidationException(field, tr.t("validation.duplicateKey", k));
            }
        }
        return out;
    }

    @Override
    protected Map<String, String> generateModelValue() {
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.putIfAbsent(r.key().getValue().trim(), r.value().getValue().trim()));
        out.remove("");
        return out;
    }

    @Override
    protected void setPresentationValue(Map<String, String> value) {
        rows.clear();
        rowsLayout.removeAll();
        if (value != null) {
            new TreeMap<>(value).forEach(this::addRow);
        }
    }
}
