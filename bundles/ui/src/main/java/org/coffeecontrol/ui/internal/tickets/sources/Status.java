package org.coffeecontrol.ui.internal.tickets.sources;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.html.Span;

/**
 * One status line per ticket view: expected failures become its text, anything else goes to the UI's error handler.
 */
public final class Status extends Span {
    private static final long serialVersionUID = 1L;

    private final Tr tr;

    public Status(String id, Tr tr) {
        this.tr = tr;
        setId(id);
        addClassName("remote-status");
    }

    public void ok(String text) {
        getElement().setAttribute("data-state", "ok");
        setText(text);
    }

    /** Runs {@code action}; an expected failure is shown here and reported as false. */
    public boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (CoffeeException e) {
            failed(e);
        }
        return false;
    }

    /** Shows an expected failure: a refusal in the user's words, a bad field with its name, else the message. */
    public void failed(CoffeeException e) {
        if (e instanceof AccessDeniedException) {
            fail(tr.t("error.accessDenied"));
        } else if (e instanceof ValidationException v) {
            fail(v.field() + ": " + v.detail());
        } else {
            fail(e.getMessage());
        }
    }

    private void fail(String text) {
        getElement().setAttribute("data-state", "error");
        setText(text);
    }
}
