package org.coffeecontrol.ui.internal.remote;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.ui.internal.i18n.Tr;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

/**
 * Remote work finishes on the transport's threads, long after the click: its result is pushed into the UI with
 * {@link UI#access}, so no UI thread ever waits on a machine. Expected failures become a line in the tab's status
 * span; nothing else reaches the user.
 */
final class Async {

    private Async() {
    }

    /** Runs {@code ok} or shows the failure in {@code status}, inside the UI's lock, when {@code work} is done. */
    static <T> void then(Tr tr, Span status, CompletableFuture<T> work, Consumer<T> ok) {
        UI ui = UI.getCurrent();
        work.whenComplete((value, failure) -> ui.access(() -> {
            if (failure == null) {
                ok.accept(value);
            } else {
                fail(tr, status, failure);
            }
        }));
    }

    /** Shows a failure of a synchronous or asynchronous call in {@code status}; unexpected ones are rethrown. */
    static void fail(Tr tr, Span status, Throwable failure) {
        Throwable f = failure;
        while ((f instanceof CompletionException || f instanceof ExecutionException) && f.getCause() != null) {
            f = f.getCause();
        }
        status.getElement().setAttribute("data-state", "error");
        if (f instanceof AccessDeniedException) {
            status.setText(tr.t("error.accessDenied"));
        } else if (f instanceof ValidationException v) {
            status.setText(v.field() + ": " + v.detail());
        } else if (f instanceof CoffeeException) {
            status.setText(f.getMessage());
        } else {
            status.setText(tr.t("error.unexpected"));
            throw f instanceof RuntimeException r ? r : new IllegalStateException(f);
        }
    }

    static void ok(Span status, String text) {
        status.getElement().setAttribute("data-state", "ok");
        status.setText(text);
    }

    static void busy(Span status, String text) {
        status.getElement().setAttribute("data-state", "busy");
        status.setText(text);
    }

    static Span status(String id) {
        Span s = new Span();
        s.setId(id);
        s.addClassName("remote-status");
        return s;
    }
}
