package org.coffeecontrol.tickets.api;

import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The completeness check of finished tickets (TKT-7): runs daily on its own and on demand; every incomplete ticket
 * goes back to its executor with the list of what is missing. Running needs SERVICE_ADMIN or ADMIN; reading the
 * admin report also MANAGER. Findings show only tickets of clients the caller sees.
 */
@ProviderType
public interface CompletenessCheck {

    CompletenessRun run(Caller caller);

    /** Newest first. */
    List<CompletenessRun> runs(Caller caller, int limit);

    /** The findings of one run; {@code runId} 0 means the latest run. */
    List<CompletenessFinding> findings(Caller caller, long runId);
}
