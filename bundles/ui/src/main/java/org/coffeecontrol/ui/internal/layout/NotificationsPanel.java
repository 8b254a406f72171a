package org.coffeecontrol.ui.internal.layout;

import org.coffeecontrol.ui.internal.monitoring.NotificationList;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;

/**
 * The notifications panel (MON-7). Its content comes from monitoring when that feature is installed; without it the
 * panel honestly says there are none.
 */
final class NotificationsPanel extends Dialog {
    private static final long serialVersionUID = 1L;
    /** A name, not the class: without the monitoring bundle the UI cannot load its interface. */
    private static final String MONITORING = "org.coffeecontrol.monitoring.api.MonitoringService";

    /** The unread badge for the bell, or an empty placeholder without monitoring. */
    private final Component badge;

    NotificationsPanel(ServiceSource services) {
        setId("notifications-panel");
        setHeaderTitle(getTranslation("notifications.title"));
        setWidth("min(480px, 100vw)");
        if (services.isPresent(MONITORING)) {
            NotificationList list = new NotificationList(services);
            add(list);
            badge = list.badge();
            addOpenedChangeListener(e -> list.refresh());
        } else {
            add(new Span(getTranslation("notifications.none")));
            badge = new Span();
        }
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("notifications-close");
        getFooter().add(close);
    }

    Component badge() {
        return badge;
    }
}
