package org.coffeecontrol.tickets.api;

import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Service acts (TKT-6): the act's fields, its PDF in a fixed layout, and sending it to the POS's e-mail address.
 * Reading needs what reading the ticket needs; editing needs the ticket's executor or the desk (OPERATOR,
 * SERVICE_ADMIN, ADMIN); sending needs the executor, SERVICE_ADMIN or ADMIN.
 */
@ProviderType
public interface ServiceActs {

    ServiceActData act(Caller caller, long ticketId);

    ServiceActData save(Caller caller, long ticketId, ServiceActUpdate update);

    /** The act as PDF. */
    byte[] pdf(Caller caller, long ticketId);

    /**
     * E-mails the PDF to the ticket's POS (its e-mail address in the catalogue) over the platform's SMTP server.
     * Fails with a ValidationException when the POS has no address or no SMTP server is configured.
     */
    ActDelivery send(Caller caller, long ticketId);
}
