package org.coffeecontrol.remote.internal.transport;

import java.time.Duration;

/**
 * @param connectTimeout  TCP connect, key exchange and login together
 * @param maxSessions     SSH sessions open at once for the whole platform (worker threads)
 * @param maxPerMachine   operations in flight per machine; more are refused as busy instead of queueing behind a
 *                        machine that may be hung
 * @param maxQueued       operations waiting for a worker before new ones are refused as busy
 * @param maxOutputBytes  stdout and stderr kept per exec, each
 * @param sessionIdle     how long a machine's logged-in session is kept for its next command (zero: never); saves
 *                        the key exchange and login, most of a command's round trip
 */
public record TransportSettings(Duration connectTimeout, int maxSessions, int maxPerMachine, int maxQueued,
        int maxOutputBytes, Duration sessionIdle) {

    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(5), 16, 2, 256, 64 * 1024, Duration.ofSeconds(30));
    }
}
