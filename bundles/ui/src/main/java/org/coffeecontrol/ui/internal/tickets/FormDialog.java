package org.coffeecontrol.ui.internal.tickets;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.catalog.RecordForm;
import org.coffeecontrol.ui.internal.i18n.Tr;
import org.coffeecontrol.ui.internal.tickets.sources.Status;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;

/**
 * Edits one record of a ticket settings page in a dialog. A refused field (malformed in the form or refused by the
 * service) is marked on the field and the dialog stays open with everything typed; any other refusal closes it and
 * goes to the page's status line, which then shows the data as it is now. Element ids: {@code <prefix>-dialog},
 * {@code <prefix>-save}, {@code <prefix>-cancel}, and {@code <prefix>-error} for a refusal no field matches.
 */
final class FormDialog<T> extends Dialog {
    private static final long serialVersionUID = 1L;

    private final RecordForm<T> form;
    private final transient UnaryOperator<T> save;
    private final transient Consumer<T> saved;
    private final Status status;
    private final Span error = new Span();

    /**
     * @param save  stores the record and returns what was stored
     * @param saved told what was stored, after the dialog closed; also told null after a refusal closed it
     */
    FormDialog(String prefix, RecordForm<T> form, Tr tr, UnaryOperator<T> save, Consumer<T> saved, Status status) {
        this.form = form;
        this.save = save;
        this.saved = saved;
        this.status = status;
        setId(prefix + "-dialog");
        setWidth("min(760px, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        error.setId(prefix + "-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(form, error);
        Button ok = new Button(tr.t("action.save"), e -> save());
        ok.setId(prefix + "-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(tr.t("action.cancel"), e -> close());
        cancel.setId(prefix + "-cancel");
        getFooter().add(cancel, ok);
    }

    /** Opens the form on a record, or on a new one when null. */
    void edit(String title, T value) {
        form.clearErrors();
        error.setText("");
        form.read(value);
        setHeaderTitle(title);
        open();
    }

    private void save() {
        form.clearErrors();
        error.setText("");
        T stored;
        try {
            stored = save.apply(form.write());
        } catch (ValidationException e) {
            if (!form.showError(e)) {
                error.setText(e.getMessage());
            }
            return;
        } catch (CoffeeException e) {
            close();
            status.failed(e);
            saved.accept(null);
            return;
        }
        close();
        saved.accept(stored);
    }
}
