package org.coffeecontrol.remote.api;

import java.time.Instant;

/**
 * What is stored to reach a machine, without the secret: the password never leaves the platform.
 *
 * @param hostKeyFingerprint SHA-256 fingerprint of the pinned host key, null until the first connection
 */
public record MachineAccess(long equipmentId, String serial, String host, int port, String username,
        boolean passwordSet, Instant credentialsUpdatedAt, String credentialsUpdatedBy, String hostKeyFingerprint,
        Instant hostKeyPinnedAt) {
}
