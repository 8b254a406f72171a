package org.coffeecontrol.tickets.api;

import java.util.List;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Mechanics and dispatch of field tickets (TKT-4). */
@ProviderType
public interface DispatchService {

    List<Mechanic> mechanics(Caller caller);

    Mechanic mechanic(Caller caller, String username);

    /** Creates or replaces a mechanic's card; the user must exist and have the ENGINEER role. SERVICE_ADMIN. */
    Mechanic saveMechanic(Caller caller, Mechanic mechanic);

    /** Route and organisation from the POS card, and every active mechanic ranked for this ticket. */
    DispatchAdvice advise(Caller caller, long ticketId);
}
