package org.coffeecontrol.ui.internal.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;

/**
 * The notifications panel (MON-7). Nothing produces notifications until monitoring exists, so it honestly says
 * there are none; the monitoring work fills it.
 */
final class NotificationsPanel extends Dialog {
    private static final long serialVersionUID = 1L;

    NotificationsPanel() {
        setId("notifications-panel");
        setHeaderTitle(getTranslation("notifications.title"));
        setWidth("min(480px, 100vw)");
        add(new Span(getTranslation("notifications.none")));
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("notifications-close");
        getFooter().add(close);
    }
}
