package org.coffeecontrol.ui.internal.dev;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.workspace.WorkspaceItem;
import org.coffeecontrol.api.workspace.WorkspaceService;

/** Per-user history and favourites in memory. Test code only. */
public final class InMemoryWorkspace implements WorkspaceService {

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, List<WorkspaceItem>> history = new ConcurrentHashMap<>();
    private final Map<String, Map<String, WorkspaceItem>> favourites = new ConcurrentHashMap<>();

    @Override
    public synchronized void opened(Caller caller, String location, String title) {
        List<WorkspaceItem> h = history.computeIfAbsent(caller.username(), u -> new ArrayList<>());
        h.add(0, new WorkspaceItem(ids.incrementAndGet(), location, title, Instant.now()));
        if (h.size() > 100) {
            h.remove(h.size() - 1);
        }
    }

    @Override
    public synchronized List<WorkspaceItem> history(Caller caller, int limit) {
        return history.getOrDefault(caller.username(), List.of()).stream().limit(limit).toList();
    }

    @Override
    public synchronized void clearHistory(Caller caller) {
        history.remove(caller.username());
    }

    @Override
    public synchronized WorkspaceItem pin(Caller caller, String location, String title) {
        WorkspaceItem item = new WorkspaceItem(ids.incrementAndGet(), location, title, Instant.now());
        favourites.computeIfAbsent(caller.username(), u -> new LinkedHashMap<>()).put(location, item);
        return item;
    }

    @Override
    public synchronized void unpin(Caller caller, String location) {
        favourites.getOrDefault(caller.username(), new LinkedHashMap<>()).remove(location);
    }

    @Override
    public synchronized boolean isPinned(Caller caller, String location) {
        return favourites.getOrDefault(caller.username(), Map.of()).containsKey(location);
    }

    @Override
    public synchronized List<WorkspaceItem> favourites(Caller caller) {
        return List.copyOf(favourites.getOrDefault(caller.username(), Map.of()).values());
    }
}
