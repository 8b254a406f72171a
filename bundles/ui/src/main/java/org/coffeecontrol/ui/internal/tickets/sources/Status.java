package org.coffeecontrol.ui.internal.tickets.sources;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.html.Span;

/** One status line per view: expected failures become its text, anything else goes to the UI's error handler. */
final class Status extends Span {
    private static final long serialVersionUID = 1L;

    private final Tr tr;

    Status(String id, Tr tr) {
        this.tr = tr;
        setId(id);
        addClassName("remote-status");
    }

    void ok(String text) {
        getElement().setAttribute("data-state", "ok");
        setText(text);
    }

    /** Runs {@code action}; an expected failure is shown here and reported as false. */
    boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (AccessDeniedException e) {
            fail(tr.t("error.accessDenied"));
        } catch (ValidationException e) {
            fail(e.field() + ": " + e.detail());
        } catch (CoffeeException e) {
            fail(e.getMessage());
        }
        return false;
    }

    private void fail(String text) {
        getElement().setAttribute("data-state", "error");
        setText(text);
    }
}
