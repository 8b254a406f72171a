package org.coffeecontrol.monitoring.api;

import java.time.Instant;

/** One entry of a user's notifications panel (MON-7); {@code readAt} is null while unread. */
public record Notification(long id, Instant createdAt, NotificationKind kind, long posId, Long equipmentId,
        Long problemId, String title, String message, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
