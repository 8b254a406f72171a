package org.coffeecontrol.monitoring.api;

/** What a notification (MON-7) tells about a watched point of sale. */
public enum NotificationKind {
    PROBLEM_OPENED, PROBLEM_CLEARED, BACK_ONLINE
}
