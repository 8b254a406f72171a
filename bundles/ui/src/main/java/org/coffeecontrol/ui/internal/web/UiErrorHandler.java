package org.coffeecontrol.ui.internal.web;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.ui.internal.services.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

/**
 * Last line for failures no view handled: expected ones become a message, everything else is logged and the user
 * sees a generic message instead of a stack trace.
 */
final class UiErrorHandler implements ErrorHandler {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = rootOfInterest(event.getThrowable());
        UI ui = UI.getCurrent();
        String message;
        if (cause instanceof ServiceUnavailableException e) {
            message = ui == null ? e.getMessage() : ui.getTranslation("error.serviceUnavailable", e.service());
        } else if (cause instanceof AccessDeniedException && ui != null) {
            message = ui.getTranslation("error.accessDenied");
        } else if (cause instanceof CoffeeException e) {
            message = e.getMessage();
        } else {
            LOG.error("Unexpected error in the web UI", event.getThrowable());
            message = ui == null ? "Unexpected error" : ui.getTranslation("error.unexpected");
        }
        if (ui != null) {
            Notification n = Notification.show(message, 5000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static Throwable rootOfInterest(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof CoffeeException || c instanceof ServiceUnavailableException) {
                return c;
            }
            c = c.getCause();
        }
        return t;
    }
}
