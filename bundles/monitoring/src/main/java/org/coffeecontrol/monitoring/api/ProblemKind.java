package org.coffeecontrol.monitoring.api;

/** Why a detected problem (MON-2) was opened. */
public enum ProblemKind {
    /** The driver reported an error of severity CRITICAL that stayed raised past the debounce time. */
    CRITICAL_ERROR,
    /** The machine was silent during opening hours longer than its monitoring package allows. */
    NOT_ONLINE
}
