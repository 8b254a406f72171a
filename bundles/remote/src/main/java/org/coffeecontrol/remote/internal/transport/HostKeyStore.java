package org.coffeecontrol.remote.internal.transport;

import java.util.Optional;

/** Where pinned host keys live (the database in production, a map in tests). */
public interface HostKeyStore {

    Optional<PinnedKey> pinned(long equipmentId);

    /** Pins the key unless one is pinned already; false when another key won a concurrent first connection. */
    boolean pinIfAbsent(long equipmentId, PinnedKey key);

    void forget(long equipmentId);
}
