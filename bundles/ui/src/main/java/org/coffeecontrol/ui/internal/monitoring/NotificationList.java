package org.coffeecontrol.ui.internal.monitoring;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.Notification;
import org.coffeecontrol.ui.internal.security.UiSession;
import org.coffeecontrol.ui.internal.services.ServiceSource;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The content of the notifications panel (MON-7): the user's notifications, unread ones marked, each readable on
 * its own, "mark all read" and "clear" (removes the read ones); plus the unread badge on the bell, kept current by
 * server push.
 * <p>
 * Element ids: {@code notification-list}, {@code notification-<id>} (class {@code mon-unread} while unread),
 * {@code notification-read-<id>}, {@code notifications-mark-read}, {@code notifications-clear},
 * {@code notifications-badge} (hidden at zero).
 */
@StyleSheet("context://coffee/monitoring.css")
public final class NotificationList extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;

    private final transient MonitoringService monitoring;
    private final VerticalLayout items = new VerticalLayout();
    private final Span badge = new Span();
    private List<Notification> shown = List.of();

    public NotificationList(ServiceSource services) {
        this.monitoring = Monitoring.service(services);
        setId("notification-list");
        setPadding(false);
        items.setPadding(false);
        items.setSpacing(false);
        badge.setId("notifications-badge");
        badge.addClassName("notif-badge");
        Button markRead = new Button(getTranslation("mon.notifications.markRead"), e -> {
            monitoring.markRead(UiSession.require(), List.of());
            refresh();
        });
        markRead.setId("notifications-mark-read");
        Button clear = new Button(getTranslation("action.clear"), e -> {
            monitoring.clearRead(UiSession.require());
            refresh();
        });
        clear.setId("notifications-clear");
        add(new HorizontalLayout(markRead, clear), items);
        refresh();
        // The panel is a dialog, detached while closed: the badge (always attached) drives the refresh.
        LiveTicker.whileAttached(badge, this::refresh);
    }

    /** The unread counter to put next to the bell. */
    public Span badge() {
        return badge;
    }

    public void refresh() {
        long unread = monitoring.unreadNotifications(UiSession.require());
        badge.setText(Long.toString(unread));
        badge.setVisible(unread > 0);
        List<Notification> now = monitoring.notifications(UiSession.require(), false, PageRequest.first(SHOWN))
                .items();
        if (now.equals(shown)) {
            return;
        }
        shown = now;
        Map<Long, ZoneId> zones = monitoring.posZones(UiSession.require());
        items.removeAll();
        if (now.isEmpty()) {
            items.add(new Span(getTranslation("notifications.none")));
        }
        for (Notification n : now) {
            items.add(row(n, Monitoring.zoneOf(zones, monitoring.zone(), n.posId())));
        }
    }

    private Div row(Notification n, ZoneId zone) {
        Span title = new Span(n.title());
        title.getStyle().set("font-weight", "inherit");
        Span meta = new Span(Monitoring.time(n.createdAt(), zone));
        meta.addClassName("mon-sub");
        Div text = new Div(title, new Div(new Span(n.message() == null ? "" : n.message())), meta);
        text.getStyle().set("flex", "1");
        text.addClickListener(e -> UI.getCurrent().navigate(PosMonitorView.class, n.posId()));
        text.getStyle().set("cursor", "pointer");
        Div row = new Div(text);
        row.setId("notification-" + n.id());
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("padding", "var(--lumo-space-xs) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("width", "100%");
        if (n.unread()) {
            row.addClassName("mon-unread");
            Button read = new Button(getTranslation("mon.notifications.read"), e -> {
                monitoring.markRead(UiSession.require(), List.of(n.id()));
                refresh();
            });
            read.setId("notification-read-" + n.id());
            read.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            row.add(read);
        }
        return row;
    }
}
