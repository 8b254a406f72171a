package org.coffeecontrol.remote.api;

import org.coffeecontrol.api.ConflictException;

/**
 * A remote operation that reached for the machine and failed there or on the way (unreachable, timeout, host key
 * refused, ...). Expected, so it carries a message fit for the user and the {@link Outcome}. A conflict with the
 * machine's current state (REST answers 409), not a fault of the request.
 */
public class RemoteOperationException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final Outcome outcome;

    public RemoteOperationException(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
