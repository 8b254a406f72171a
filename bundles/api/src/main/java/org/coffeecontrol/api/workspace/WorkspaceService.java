package org.coffeecontrol.api.workspace;

import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The caller's own history and favourites; nobody sees another user's. */
@ProviderType
public interface WorkspaceService {

    /** Records that the caller opened a form; history keeps the newest entries only. */
    void opened(Caller caller, String location, String title);

    /** Newest first. */
    List<WorkspaceItem> history(Caller caller, int limit);

    void clearHistory(Caller caller);

    /** Pins a location; pinning it again only refreshes its title. */
    WorkspaceItem pin(Caller caller, String location, String title);

    void unpin(Caller caller, String location);

    boolean isPinned(Caller caller, String location);

    List<WorkspaceItem> favourites(Caller caller);
}
