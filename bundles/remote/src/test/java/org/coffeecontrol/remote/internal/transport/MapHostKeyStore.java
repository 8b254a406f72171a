package org.coffeecontrol.remote.internal.transport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Host keys in memory, for tests. */
public final class MapHostKeyStore implements HostKeyStore {
    public final Map<Long, PinnedKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<PinnedKey> pinned(long equipmentId) {
        return Optional.ofNullable(keys.get(equipmentId));
    }

    @Override
    public boolean pinIfAbsent(long equipmentId, PinnedKey key) {
        return keys.putIfAbsent(equipmentId, key) == null;
    }

    @Override
    public void forget(long equipmentId) {
        keys.remove(equipmentId);
    }
}
