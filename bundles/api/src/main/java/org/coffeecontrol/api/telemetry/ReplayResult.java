package org.coffeecontrol.api.telemetry;

/** Outcome of replaying dead letters: how many were stored now and how many are still pending, with why. */
public record ReplayResult(int replayed, int stillPending, long eventsStored, java.util.List<String> problems) {
    public ReplayResult {
        problems = java.util.List.copyOf(problems);
    }
}
