package org.coffeecontrol.tickets.api;

/** The answer to one point of an inspection checklist. */
public enum ChecklistAnswer {
    OK, NOT_OK, NOT_APPLICABLE
}
