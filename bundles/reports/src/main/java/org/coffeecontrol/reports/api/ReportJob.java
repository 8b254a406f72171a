package org.coffeecontrol.reports.api;

import java.time.Instant;

/**
 * A report run in the background, as a snapshot: poll {@link ReportService#job} for progress.
 *
 * @param progress 0..1
 * @param message  what it is doing, or why it failed
 * @param rows     detail rows of the result once DONE
 */
public record ReportJob(String id, String reportId, String owner, State state, double progress, String message,
        Instant submittedAt, Instant finishedAt, Integer rows) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }
}
