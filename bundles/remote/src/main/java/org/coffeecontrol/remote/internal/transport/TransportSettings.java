package org.coffeecontrol.remote.internal.transport;

import java.time.Duration;

/**
 * @param connectTimeout  TCP connect, key exchange and login together
 * @param maxSessions     SSH sessions open at once for the whole platform (worker threads)
 * @param maxPerMachine   operations in flight per machine; more are refused as busy instead of queueing behind a
 *                        machine that may be hung
 * @param maxQueued       operations waiting for a worker before new ones are refused as busy
 * @param maxOutputBytes  stdout and stderr kept per exec, each
 */
public record TransportSettings(Duration connectTimeout, int maxSessions, int maxPerMachine, int maxQueued,
        int maxOutputBytes) {

    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(5), 16, 2, 256, 64 * 1024);
    }
}
