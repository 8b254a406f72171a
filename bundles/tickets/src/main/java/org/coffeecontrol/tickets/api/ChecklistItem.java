package org.coffeecontrol.tickets.api;

/** One point of an inspection checklist; {@code answer} is null while unanswered. */
public record ChecklistItem(String key, String label, ChecklistAnswer answer, String comment) {
}
