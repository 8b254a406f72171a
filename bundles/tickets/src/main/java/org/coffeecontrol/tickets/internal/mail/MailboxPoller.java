package org.coffeecontrol.tickets.internal.mail;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.mail.MailMessage;
import org.coffeecontrol.api.mail.MailService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.MailPollResult;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ticket mailbox at the configured interval (and on demand) and hands field tickets of EKDS-routed POS to
 * EKDS by e-mail. Polls never overlap: the scheduled and the on-demand poll share one lock.
 */
@Component(service = Mailbox.class, configurationPid = MailboxConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MailboxConfig.class)
public class MailboxPoller implements Mailbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
    static final String EKDS_ROUTE = "EKDS";

    private final ImapPoller imap;
    private final MailImporter importer;
    private final TicketService tickets;
    private final CatalogService catalog;
    private final MailImporter.Ekds ekds;
    private final String ekdsAddress;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MailService smtp;

    @Activate
    public MailboxPoller(MailboxConfig c, @Reference MailImporter importer, @Reference TicketService tickets,
            @Reference CatalogService catalog) {
        this(new ImapPoller(new ImapPoller.Settings(c.host(), c.port(), c.ssl(), c.user(), c.password(), c.folder(),
                c.timeoutMillis())), importer, tickets, catalog, MailImporter.Ekds.of(c.ekdsSenders(),
                        c.ekdsNumberPattern()), c.ekdsAddress(), Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coffee-ticket-mailbox"));
        long every = Math.max(5, c.intervalSeconds());
        executor.scheduleWithFixedDelay(this::scheduled, 2, every, TimeUnit.SECONDS);
    }

    public MailboxPoller(ImapPoller imap, MailImporter importer, TicketService tickets, CatalogService catalog,
            MailImporter.Ekds ekds, String ekdsAddress, Clock clock) {
        this.imap = imap;
        this.importer = importer;
        this.tickets = tickets;
        this.catalog = catalog;
        this.ekds = ekds;
        this.ekdsAddress = ekdsAddress == null ? "" : ekdsAddress.strip();
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void scheduled() {
        try {
            pollNow();
        } catch (RuntimeException e) {
            LOG.warn("Ticket mailbox poll failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized MailPollResult pollNow() {
        int[] counts = new int[MailImporter.Outcome.values().length];
        ImapPoller.Result r = imap.poll(m -> counts[importer.importMail(m, ekds).ordinal()]++);
        MailPollResult result = new MailPollResult(r.read(), counts[MailImporter.Outcome.TICKET.ordinal()],
                counts[MailImporter.Outcome.REPLY.ordinal()], counts[MailImporter.Outcome.TRIAGE.ordinal()],
                counts[MailImporter.Outcome.DUPLICATE.ordinal()], r.failed());
        if (r.read() > 0) {
            LOG.info("Ticket mailbox: {}", result);
        }
        sendToEkds();
        return result;
    }

    /** Field tickets of POS whose helpdesk route is EKDS go to the EKDS address once, with the ticket in the subject. */
    int sendToEkds() {
        MailService out = smtp;
        if (ekdsAddress.isEmpty() || out == null) {
            return 0;
        }
        int sent = 0;
        Map<Long, PointOfSale> pos = new HashMap<>();
        TicketQuery open = TicketQuery.inStates(EnumSet.of(TicketState.NEW, TicketState.ASSIGNED,
                TicketState.IN_PROGRESS));
        open = new TicketQuery(null, open.states(), null, null, null, null, null, null, null, null, true,
                open.page());
        for (Ticket t : tickets.search(Caller.system(), open).items()) {
            if (t.posId() == null || importer.store().sentToEkds(t.id())) {
                continue;
            }
            PointOfSale p = pos.computeIfAbsent(t.posId(), id -> catalog.pointOfSale(Caller.system(), id));
            if (!EKDS_ROUTE.equalsIgnoreCase(p.helpdeskRoute())) {
                continue;
            }
            try {
                String id = out.send(MailMessage.of(ekdsAddress, TicketReference.subjectTag(t.number()) + " "
                        + p.name(), "Заявка / ticket " + t.number() + "\nТочка продаж / POS: " + p.name() + " ("
                                + p.code() + "), " + p.address() + "\nПричина / reason: " + t.reason()
                                + "\nЗаявитель / applicant: " + t.applicant() + " "
                                + (t.applicantPhone() == null ? "" : t.applicantPhone())));
                importer.store().markSentToEkds(t.id(), clock.instant(), id);
                importer.store().thread(id, t.id());
                tickets.note(Caller.system(), t.id(), "Handed to EKDS by e-mail to " + ekdsAddress);
                sent++;
            } catch (CoffeeException | IllegalStateException e) {
                LOG.warn("Ticket {} not handed to EKDS: {}", t.number(), e.getMessage());
            }
        }
        return sent;
    }
}
