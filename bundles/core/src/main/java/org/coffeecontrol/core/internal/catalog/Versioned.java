package org.coffeecontrol.core.internal.catalog;

/** An entity with an optimistic-lock version, so stale edits are refused with a clear message. */
interface Versioned {
    long currentVersion();
}
