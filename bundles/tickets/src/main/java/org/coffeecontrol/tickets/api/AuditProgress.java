package org.coffeecontrol.tickets.api;

/** Told after each visit of an audit run, so that a UI can show a progress bar. */
@FunctionalInterface
public interface AuditProgress {
    void done(int visitsDone, int visitsTotal);
}
