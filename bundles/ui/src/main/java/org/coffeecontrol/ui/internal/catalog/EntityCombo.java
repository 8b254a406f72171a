package org.coffeecontrol.ui.internal.catalog;

import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.catalog.CatalogQuery;

import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.combobox.ComboBox;

/** A combo box over a paged catalogue that searches as the user types and is read and written by id. */
public class EntityCombo<T> extends ComboBox<T> {
    private static final long serialVersionUID = 1L;

    private final transient LongFunction<T> byId;
    private final transient ToLongFunction<T> idOf;

    public EntityCombo(String label, Function<CatalogQuery, Page<T>> fetch, LongFunction<T> byId,
            ToLongFunction<T> idOf, ItemLabelGenerator<T> labels) {
        super(label);
        this.byId = byId;
        this.idOf = idOf;
        setItemLabelGenerator(labels);
        setClearButtonVisible(true);
        setItems(q -> fetch.apply(new CatalogQuery(q.getFilter().orElse(null), null, null, null, null,
                new PageRequest(q.getOffset(), q.getLimit()))).items().stream());
    }

    public Long valueId() {
        T v = getValue();
        return v == null ? null : idOf.applyAsLong(v);
    }

    /** Selects the record with this id; one the caller can no longer see simply leaves the box empty. */
    public void setValueId(Long id) {
        if (id == null) {
            clear();
            return;
        }
        try {
            setValue(byId.apply(id));
        } catch (NotFoundException e) {
            clear();
        }
    }
}
