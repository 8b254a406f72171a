package org.coffeecontrol.tickets.api;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Intraservice helpdesk connector (TKT-2): tasks in, field tickets out, status both ways. Runs on its own at
 * the configured interval; {@link #sync} runs it now (OPERATOR, SERVICE_ADMIN or ADMIN). Registered only while
 * the connector is configured.
 */
@ProviderType
public interface IntraserviceSync {

    IntraserviceSyncResult sync(Caller caller);
}
