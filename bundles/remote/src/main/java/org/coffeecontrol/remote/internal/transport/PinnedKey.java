package org.coffeecontrol.remote.internal.transport;

import java.time.Instant;

/** A machine's host key as first seen: OpenSSH public key text and its SHA-256 fingerprint. */
public record PinnedKey(String publicKey, String fingerprint, Instant pinnedAt) {
}
