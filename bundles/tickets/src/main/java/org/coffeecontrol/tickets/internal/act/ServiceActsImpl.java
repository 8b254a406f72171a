package org.coffeecontrol.tickets.internal.act;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.Equipment;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.mail.MailMessage;
import org.coffeecontrol.api.mail.MailService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.ActConsumable;
import org.coffeecontrol.tickets.api.ActDelivery;
import org.coffeecontrol.tickets.api.LineKind;
import org.coffeecontrol.tickets.api.ServiceActData;
import org.coffeecontrol.tickets.api.ServiceActUpdate;
import org.coffeecontrol.tickets.api.ServiceActs;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketLine;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.internal.mail.InboxStore;
import org.coffeecontrol.tickets.internal.mail.TicketReference;
import org.coffeecontrol.tickets.internal.sources.SourcesDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Service acts (TKT-6). The act's own fields live in {@code cc_tkt_act}; everything else (POS, machine, lines, the
 * POS side's signature) is read from the ticket and the catalogue with the caller's rights, so an act shows nothing
 * the caller could not read on the ticket.
 */
@Component(service = ServiceActs.class, configurationPid = "org.coffeecontrol.tickets")
public class ServiceActsImpl implements ServiceActs {

    static final Role[] DESK = { Role.OPERATOR, Role.SERVICE_ADMIN };
    private static final int MAX_TEXT = 2000;

    private final ActStore store;
    private final InboxStore threads;
    private final TicketService tickets;
    private final CatalogService catalog;
    private final ActPdf pdf;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MailService smtp;

    /** Dates on the act are printed in the tickets' time zone ({@code zone} of {@code org.coffeecontrol.tickets}). */
    @Activate
    public ServiceActsImpl(@Reference SourcesDatabase db, @Reference TicketService tickets,
            @Reference CatalogService catalog, java.util.Map<String, Object> properties) {
        this(db, tickets, catalog, zone(properties.get("zone")), Clock.systemUTC());
    }

    private static ZoneId zone(Object configured) {
        try {
            return configured == null || configured.toString().isBlank() ? ZoneId.systemDefault()
                    : ZoneId.of(configured.toString().strip());
        } catch (java.time.DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    public ServiceActsImpl(SourcesDatabase db, TicketService tickets, CatalogService catalog, ZoneId zone,
            Clock clock) {
        this.store = new ActStore(db.jdbc());
        this.threads = new InboxStore(db.jdbc());
        this.tickets = tickets;
        this.catalog = catalog;
        this.pdf = new ActPdf(zone);
        this.clock = clock;
    }

    @Override
    public ServiceActData act(Caller caller, long ticketId) {
        tickets.get(caller, ticketId);
        return store.read(ticketId);
    }

    @Override
    public ServiceActData save(Caller caller, long ticketId, ServiceActUpdate update) {
        Ticket t = tickets.get(caller, ticketId);
        if (!caller.username().equals(t.executor())) {
            caller.require("edit the service act of " + t.number(), DESK);
        }
        if (update == null) {
            throw new ValidationException("act", "is required");
        }
        List<ActConsumable> consumables = update.consumables() == null ? List.of() : update.consumables();
        for (int i = 0; i < consumables.size(); i++) {
            ActConsumable a = consumables.get(i);
            if (a == null || a.name() == null || a.name().isBlank()) {
                throw new ValidationException("consumables[" + i + "].name", "is required");
            }
            if (a.name().strip().length() > 200) {
                throw new ValidationException("consumables[" + i + "].name", "at most 200 characters");
            }
            if (a.quantity() == null || a.quantity().signum() <= 0
                    || a.quantity().compareTo(new BigDecimal("999999999")) > 0) {
                throw new ValidationException("consumables[" + i + "].quantity", "must be a positive number");
            }
            if (a.unit() != null && a.unit().strip().length() > 20) {
                throw new ValidationException("consumables[" + i + "].unit", "at most 20 characters");
            }
        }
        text("downtimeJustification", update.downtimeJustification(), MAX_TEXT);
        text("engineerName", update.engineerName(), 200);
        text("customerName", update.customerName(), 200);
        byte[] png = update.engineerSignaturePng();
        if (png != null && png.length > 0 && !isPng(png)) {
            throw new ValidationException("engineerSignaturePng", "must be a PNG image");
        }
        if (png != null && png.length > 1024 * 1024) {
            throw new ValidationException("engineerSignaturePng", "at most 1 MB");
        }
        store.save(ticketId, new ServiceActUpdate(consumables, blankToNull(update.downtimeJustification()),
                blankToNull(update.engineerName()), png, blankToNull(update.customerName()), update.version()));
        ServiceActData saved = store.read(ticketId);
        // the act is part of the ticket: who changed it and when belongs in its history and the journal (TKT-8)
        tickets.note(caller, ticketId, "Service act saved: " + consumables.size() + " consumable(s)"
                + (saved.downtimeJustification() == null ? "" : ", downtime justified")
                + (saved.engineerSigned() ? ", signed by the engineer" : "")
                + (saved.customerName() == null ? "" : ", signed for the POS by " + saved.customerName()));
        return saved;
    }

    @Override
    public byte[] pdf(Caller caller, long ticketId) {
        return pdf.render(document(caller, tickets.get(caller, ticketId)));
    }

    @Override
    public ActDelivery send(Caller caller, long ticketId) {
        Ticket t = tickets.get(caller, ticketId);
        if (!caller.username().equals(t.executor())) {
            caller.require("send the service act of " + t.number(), Role.SERVICE_ADMIN);
        }
        if (t.posId() == null) {
            throw new ValidationException("posId", "ticket " + t.number() + " has no point of sale to send the act to");
        }
        PointOfSale pos = catalog.pointOfSale(caller, t.posId());
        String to = pos.email();
        if (to == null || to.isBlank()) {
            throw new ValidationException("email", "point of sale " + pos.name() + " has no e-mail address");
        }
        checkAddress("email", to);
        MailService out = smtp;
        if (out == null) {
            throw new ValidationException("smtp", "no mail server is configured (org.coffeecontrol.mail)");
        }
        byte[] document = pdf(caller, ticketId);
        String messageId;
        try {
            messageId = out.send(MailMessage.of(to.strip(), TicketReference.subjectTag(t.number())
                    + " Акт выполненных работ / service act", "Здравствуйте!\n\nВо вложении акт выполненных работ по "
                            + "заявке " + t.number() + " (" + pos.name() + ").\nPlease find attached the service act "
                            + "for ticket " + t.number() + ".\n\nCoffee Control")
                    .attach("act-" + t.number() + ".pdf", "application/pdf", document));
        } catch (IllegalStateException e) {
            // the mail server refused or could not be reached: nothing recorded, the caller may try again
            throw new ConflictException("service act not sent: " + e.getMessage());
        }
        Instant now = clock.instant();
        store.sent(ticketId, now, to.strip());
        threads.thread(messageId, t.id());
        tickets.note(caller, t.id(), "Service act sent by e-mail to " + to.strip());
        return new ActDelivery(ticketId, to.strip(), now, messageId);
    }

    ServiceAct document(Caller caller, Ticket t) {
        ServiceActData act = store.read(t.id());
        PointOfSale pos = t.posId() == null ? null : catalog.pointOfSale(caller, t.posId());
        String client = catalog.client(caller, t.clientId()).name();
        String equipment = null;
        String serial = null;
        if (t.equipmentId() != null) {
            Equipment e = catalog.equipment(caller, t.equipmentId());
            serial = e.serialNumber();
            try {
                equipment = catalog.model(caller, e.modelId()).name();
            } catch (CoffeeException unknownModel) {
                equipment = null;
            }
        }
        List<ServiceAct.Line> lines = tickets.lines(caller, t.id()).stream().map(ServiceActsImpl::line).toList();
        List<ServiceAct.Consumable> consumables = act.consumables().stream().map(c -> new ServiceAct.Consumable(
                c.name(), c.quantity().toPlainString(), c.unit())).toList();
        byte[] engineerPng = store.engineerSignature(t.id()).orElse(null);
        byte[] customerPng = tickets.signature(caller, t.id()).orElse(null);
        return new ServiceAct(t.number(), t.externalNumber(), t.createdAt(), client, pos == null ? null : pos.name(),
                pos == null ? null : pos.address(), equipment, serial, t.reason(), t.executor(), t.workStart(),
                t.workEnd(), act.downtimeJustification(), consumables, lines,
                new ServiceAct.Signature(act.engineerName() != null ? act.engineerName() : t.executor(), engineerPng),
                new ServiceAct.Signature(act.customerName(), customerPng));
    }

    private static ServiceAct.Line line(TicketLine l) {
        return new ServiceAct.Line(l.article(), l.kind() == LineKind.PART,
                l.quantity() == null ? null : l.quantity().stripTrailingZeros().toPlainString(), l.description(),
                l.serialNumber(), l.warranty());
    }

    private static void text(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new ValidationException(field, "at most " + max + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    /** A bad address is the point of sale's data error, named before the act is rendered or a server asked. */
    private static void checkAddress(String field, String value) {
        try {
            new InternetAddress(value.strip(), true);
        } catch (AddressException e) {
            throw new ValidationException(field, "'" + value + "' is not an e-mail address");
        }
    }
}
