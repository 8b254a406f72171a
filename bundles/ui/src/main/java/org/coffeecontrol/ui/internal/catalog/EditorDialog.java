package org.coffeecontrol.ui.internal.catalog;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * Create / edit / delete one record in a dialog. Validation errors go to the field they name; conflicts, missing
 * records and refusals become notifications and leave the form open so nothing typed is lost.
 */
class EditorDialog<T> extends Dialog {
    private static final long serialVersionUID = 1L;

    private final Catalogue<T> catalogue;
    private final Tr tr;
    private final RecordForm<T> form;
    private final Button save;
    private final Button delete;
    private final Runnable onChanged;
    private final Runnable onClosed;
    private T current;

    EditorDialog(Catalogue<T> catalogue, Tr tr, boolean editable, Runnable onChanged, Runnable onClosed) {
        this.catalogue = catalogue;
        this.tr = tr;
        this.onChanged = onChanged;
        this.onClosed = onClosed;
        this.form = catalogue.form(tr);
        setId(catalogue.key() + "-editor");
        setWidth("min(960px, 100vw)");
        setMaxHeight("100vh");
        setCloseOnOutsideClick(false);
        setDraggable(true);
        setResizable(true);
        add(form);

        save = new Button(tr.t("action.save"), e -> save());
        save.setId("form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete = new Button(tr.t("action.delete"), e -> confirmDelete());
        delete.setId("form-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(tr.t("action.cancel"), e -> closeEditor());
        cancel.setId("form-cancel");
        save.setVisible(editable);
        form.setEnabled(editable);
        delete.setVisible(editable);
        getFooter().add(delete, cancel, save);
        addDialogCloseActionListener(e -> closeEditor());
    }

    /** Opens the form on a record, or on a new one when null. */
    void edit(T value) {
        current = value;
        form.clearErrors();
        form.read(value);
        setHeaderTitle(value == null ? tr.t(catalogue.key() + ".new")
                : tr.t(catalogue.key() + ".item", catalogue.nameOf(value)));
        delete.setEnabled(value != null);
        open();
    }

    private void save() {
        form.clearErrors();
        try {
            T saved = catalogue.save(form.write());
            current = saved;
            notify(tr.t("notice.saved", catalogue.nameOf(saved)), NotificationVariant.LUMO_SUCCESS);
            onChanged.run();
            closeEditor();
        } catch (ValidationException e) {
            if (!form.showError(e)) {
                notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        } catch (ConflictException e) {
            notify(tr.t("error.conflict", e.getMessage()), NotificationVariant.LUMO_ERROR);
        } catch (NotFoundException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        } catch (AccessDeniedException e) {
            notify(tr.t("error.accessDenied"), NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmDelete() {
        if (current == null) {
            return;
        }
        T target = current;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete");
        confirm.setHeader(tr.t("confirm.delete.title"));
        confirm.setText(tr.t("confirm.delete.text", catalogue.nameOf(target)));
        confirm.setCancelable(true);
        confirm.setCancelText(tr.t("action.cancel"));
        Button yes = new Button(tr.t("action.delete"), e -> {
            confirm.close();
            delete(target);
        });
        yes.setId("confirm-delete-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setConfirmButton(yes);
        confirm.open();
    }

    private void delete(T target) {
        try {
            catalogue.delete(catalogue.idOf(target));
            notify(tr.t("notice.deleted", catalogue.nameOf(target)), NotificationVariant.LUMO_SUCCESS);
            onChanged.run();
            closeEditor();
        } catch (ConflictException e) {
            notify(tr.t("error.conflict", e.getMessage()), NotificationVariant.LUMO_ERROR);
        } catch (NotFoundException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            onChanged.run();
            closeEditor();
        } catch (AccessDeniedException e) {
            notify(tr.t("error.accessDenied"), NotificationVariant.LUMO_ERROR);
        }
    }

    private void closeEditor() {
        if (isOpened()) {
            close();
        }
        onClosed.run();
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(variant);
    }

    RecordForm<T> form() {
        return form;
    }
}
