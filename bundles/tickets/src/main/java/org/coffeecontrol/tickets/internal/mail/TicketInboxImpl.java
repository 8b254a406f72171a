package org.coffeecontrol.tickets.internal.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.InboxItem;
import org.coffeecontrol.tickets.api.InboxStatus;
import org.coffeecontrol.tickets.api.MailPollResult;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketInbox;
import org.coffeecontrol.tickets.api.TicketService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Mail triage: the list of everything the mailbox brought, and turning a triage item into a ticket at the POS a
 * person chose. Items of no known client are for callers who see every client only; the rest follow the caller's
 * client visibility.
 */
@Component(service = TicketInbox.class)
public class TicketInboxImpl implements TicketInbox {

    static final Role[] DESK = { Role.OPERATOR, Role.SERVICE_ADMIN };

    private final MailImporter importer;
    private final TicketService tickets;
    private final CatalogService catalog;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Mailbox mailbox;

    @Activate
    public TicketInboxImpl(@Reference MailImporter importer, @Reference TicketService tickets,
            @Reference CatalogService catalog) {
        this(importer, tickets, catalog, Clock.systemUTC());
    }

    public TicketInboxImpl(MailImporter importer, TicketService tickets, CatalogService catalog, Clock clock) {
        this.importer = importer;
        this.tickets = tickets;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Page<InboxItem> list(Caller caller, boolean triageOnly, PageRequest page) {
        caller.require("read the ticket inbox", DESK);
        return importer.store().list(triageOnly, caller.allClients() ? null : caller.clientIds(),
                page == null ? PageRequest.first(PageRequest.DEFAULT_LIMIT) : page, this::number);
    }

    @Override
    public InboxItem get(Caller caller, long id) {
        caller.require("read the ticket inbox", DESK);
        InboxItem item = importer.store().get(id, this::number).orElse(null);
        if (item == null || !visible(caller, item)) {
            throw new NotFoundException("inbox item", String.valueOf(id));
        }
        return item;
    }

    @Override
    public Ticket assign(Caller caller, long id, long posId, Long equipmentId) {
        InboxItem item = get(caller, id);
        if (item.status() != InboxStatus.TRIAGE) {
            throw new ValidationException("status", "inbox item " + id + " is " + item.status()
                    + (item.ticketNumber() == null ? "" : " (" + item.ticketNumber() + ")") + ", not in triage");
        }
        // the caller's visibility decides whether the POS exists for him
        PointOfSale pos = catalog.pointOfSale(caller, posId);
        IncomingMail mail = new IncomingMail(item.messageId(), List.of(), item.sender(), null, item.subject(),
                item.body() == null ? "" : item.body(), item.receivedAt(), List.of());
        String external = switch (item.source()) {
            case EKDS -> MailImporter.Ekds.of("", null).number(item.subject());
            // a helpdesk task waiting for its POS keeps its task id, so the connector links the ticket to it
            case INTRASERVICE -> item.messageId().substring(item.messageId().indexOf(':') + 1);
            default -> null;
        };
        Ticket t = importer.open(id, mail, item.source(), external, pos.id(), equipmentId, caller);
        Instant now = clock.instant();
        if (!importer.store().resolve(id, InboxStatus.TRIAGE, InboxStatus.TICKET, "assigned to " + pos.name()
                + " by " + caller.username(), t.clientId(), pos.id(), t.id(), caller.username(), now)) {
            // someone else resolved it meanwhile; the ticket exists, so say so rather than hide it
            tickets.note(Caller.system(), t.id(), "Inbox item " + id + " was resolved twice at the same time");
        }
        return t;
    }

    @Override
    public InboxItem dismiss(Caller caller, long id, String reason) {
        InboxItem item = get(caller, id);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "is required to dismiss a mail");
        }
        if (!importer.store().resolve(id, InboxStatus.TRIAGE, InboxStatus.DISMISSED, reason.strip(),
                item.clientId(), item.posId(), null, caller.username(), clock.instant())) {
            throw new ValidationException("status", "inbox item " + id + " is not in triage");
        }
        return get(caller, id);
    }

    @Override
    public MailPollResult poll(Caller caller) {
        caller.require("read the ticket mailbox", DESK);
        Mailbox m = mailbox;
        if (m == null) {
            throw new ValidationException("mailbox", "no ticket mailbox is configured (" + MailboxConfig.PID + ")");
        }
        return m.pollNow();
    }

    private boolean visible(Caller caller, InboxItem item) {
        return item.clientId() == null ? caller.allClients() : caller.canSeeClient(item.clientId());
    }

    private String number(long ticketId) {
        return tickets.get(Caller.system(), ticketId).number();
    }
}
