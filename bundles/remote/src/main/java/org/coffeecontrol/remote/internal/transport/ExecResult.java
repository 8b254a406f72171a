package org.coffeecontrol.remote.internal.transport;

/** What one exec request returned. {@code truncated} when the output exceeded the configured size. */
public record ExecResult(int exitCode, String stdout, String stderr, boolean truncated, long durationMillis) {
}
