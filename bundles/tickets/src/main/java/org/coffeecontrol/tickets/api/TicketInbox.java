package org.coffeecontrol.tickets.api;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ticket mailbox (TKT-2): mails become tickets when their POS is recognised, replies are threaded into their
 * ticket, everything else waits in triage until a person assigns it to a POS. Needs OPERATOR, SERVICE_ADMIN or
 * ADMIN. Items of an unknown POS are shown only to callers who see all clients.
 */
@ProviderType
public interface TicketInbox {

    /** Newest first; {@code triageOnly} lists only what waits for a person. */
    Page<InboxItem> list(Caller caller, boolean triageOnly, PageRequest page);

    InboxItem get(Caller caller, long id);

    /** Opens a ticket at {@code posId} from a mail in triage (its attachments go along); the item becomes TICKET. */
    Ticket assign(Caller caller, long id, long posId, Long equipmentId);

    /** Marks a triage item as no request; it stays listed. */
    InboxItem dismiss(Caller caller, long id, String reason);

    /** Reads the mailbox now instead of waiting for the next scheduled poll. Fails when no mailbox is configured. */
    MailPollResult poll(Caller caller);
}
