package org.coffeecontrol.ui.internal.reports;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two ways the report pages tell the user something went wrong. */
final class Notices {

    private Notices() {
    }

    /** A refused run or a failed call: a message in the middle of the screen, the page stays as it was. */
    static void error(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** In place of a page that cannot be shown (bundle stopped, unknown report); id {@code report-unavailable}. */
    static Paragraph unavailable(String message) {
        Paragraph p = new Paragraph(message);
        p.setId("report-unavailable");
        p.addClassName("report-empty");
        return p;
    }
}
