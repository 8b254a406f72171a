package org.coffeecontrol.ui.internal.service;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.html.Span;

/**
 * The one line under a service view's form: what happened, with {@code data-state} ok / error for tests and styles.
 * Expected failures become the line; unexpected ones go on to the error handler.
 */
final class StatusLine extends Span {
    private static final long serialVersionUID = 1L;

    private final Tr tr;

    StatusLine(String id, Tr tr) {
        this.tr = tr;
        setId(id);
        addClassName("remote-status");
    }

    void ok(String text) {
        getElement().setAttribute("data-state", "ok");
        setText(text);
    }

    void fail(RuntimeException e) {
        getElement().setAttribute("data-state", "error");
        if (e instanceof AccessDeniedException) {
            setText(tr.t("error.accessDenied"));
        } else if (e instanceof ValidationException v) {
            setText(v.field() + ": " + v.detail());
        } else if (e instanceof CoffeeException) {
            setText(e.getMessage());
        } else {
            setText(tr.t("error.unexpected"));
            throw e;
        }
    }
}
