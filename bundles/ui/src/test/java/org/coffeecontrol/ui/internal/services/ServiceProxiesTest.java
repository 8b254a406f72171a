package org.coffeecontrol.ui.internal.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.workspace.WorkspaceItem;
import org.coffeecontrol.api.workspace.WorkspaceService;
import org.coffeecontrol.ui.internal.dev.InMemoryWorkspace;
import org.coffeecontrol.ui.internal.dev.MapServiceSource;
import org.junit.jupiter.api.Test;

class ServiceProxiesTest {

    private final Caller caller = Caller.system();

    @Test
    void callsReachWhicheverServiceIsRegisteredAtTheTime() {
        MapServiceSource source = new MapServiceSource();
        WorkspaceService proxy = ServiceProxies.proxy(source, WorkspaceService.class);

        assertThrows(ServiceUnavailableException.class, () -> proxy.history(caller, 5));

        InMemoryWorkspace first = new InMemoryWorkspace();
        source.put(WorkspaceService.class, first);
        proxy.opened(caller, "pos/1", "POS 1");
        assertEquals(1, first.history(caller, 5).size());

        InMemoryWorkspace second = new InMemoryWorkspace();
        source.put(WorkspaceService.class, second);
        assertEquals(List.of(), proxy.history(caller, 5));
    }

    @Test
    void expectedFailuresPassThroughUnwrapped() {
        ValidationException failure = new ValidationException("location", "bad");
        MapServiceSource source = new MapServiceSource().put(WorkspaceService.class, new ThrowingWorkspace(failure));
        WorkspaceService proxy = ServiceProxies.proxy(source, WorkspaceService.class);
        assertSame(failure, assertThrows(ValidationException.class, () -> proxy.pin(caller, "x", "y")));
        assertEquals(proxy, proxy);
    }

    private record ThrowingWorkspace(RuntimeException failure) implements WorkspaceService {
        @Override
        public void opened(Caller c, String location, String title) {
            throw failure;
        }

        @Override
        public List<WorkspaceItem> history(Caller c, int limit) {
            throw failure;
        }

        @Override
        public void clearHistory(Caller c) {
            throw failure;
        }

        @Override
        public WorkspaceItem pin(Caller c, String location, String title) {
            throw failure;
        }

        @Override
        public void unpin(Caller c, String location) {
            throw failure;
        }

        @Override
        public boolean isPinned(Caller c, String location) {
            throw failure;
        }

        @Override
        public List<WorkspaceItem> favourites(Caller c) {
            throw failure;
        }
    }
}
