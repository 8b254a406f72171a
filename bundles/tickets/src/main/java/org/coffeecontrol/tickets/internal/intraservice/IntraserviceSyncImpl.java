package org.coffeecontrol.tickets.internal.intraservice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.InboxStatus;
import org.coffeecontrol.tickets.api.IntraserviceSync;
import org.coffeecontrol.tickets.api.IntraserviceSyncResult;
import org.coffeecontrol.tickets.api.NewTicket;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketSource;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.internal.mail.InboxStore;
import org.coffeecontrol.tickets.internal.mail.IncomingMail;
import org.coffeecontrol.tickets.internal.mail.PosRecognizer;
import org.coffeecontrol.tickets.internal.sources.Fleets;
import org.coffeecontrol.tickets.internal.sources.SourcesDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Intraservice connector. One synchronisation: (1) tasks changed there since the last one come in — a new task
 * whose POS is recognised opens an INTRASERVICE ticket (its id as external number), one without a POS waits in the
 * inbox for triage, a linked task that was closed there cancels its open ticket; (2) our linked tickets' states go
 * out as the mapped StatusId with a comment; (3) field tickets of POS whose helpdesk route is INTRASERVICE go out as
 * new tasks. A failing item is reported and skipped; the rest goes on.
 */
@Component(service = IntraserviceSync.class, configurationPid = IntraserviceConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IntraserviceConfig.class)
public class IntraserviceSyncImpl implements IntraserviceSync {

    private static final Logger LOG = LoggerFactory.getLogger(IntraserviceSyncImpl.class);
    static final String ROUTE = "INTRASERVICE";
    static final String PREFIX = "intraservice:";

    /** How states map to their StatusIds, and which of theirs end a task. */
    public record Mapping(Integer serviceId, Integer typeId, int newStatusId, Map<TicketState, Integer> states,
            Set<Integer> closing) {

        public static Mapping parse(int serviceId, int typeId, int newStatusId, String statusMap, String closing) {
            Map<TicketState, Integer> states = new EnumMap<>(TicketState.class);
            for (String pair : (statusMap == null ? "" : statusMap).split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] kv = pair.split("=");
                try {
                    states.put(TicketState.valueOf(kv[0].strip().toUpperCase(Locale.ROOT)),
                            Integer.parseInt(kv[1].strip()));
                } catch (RuntimeException e) {
                    throw new ValidationException("statusMap", "'" + pair.strip() + "' is not STATE=number");
                }
            }
            Set<Integer> ends = new HashSet<>();
            for (String id : (closing == null ? "" : closing).split(",")) {
                if (!id.isBlank()) {
                    try {
                        ends.add(Integer.parseInt(id.strip()));
                    } catch (NumberFormatException e) {
                        throw new ValidationException("closingStatusIds", "'" + id.strip() + "' is not a number");
                    }
                }
            }
            return new Mapping(serviceId > 0 ? serviceId : null, typeId > 0 ? typeId : null, newStatusId, states, ends);
        }
    }

    private final IntraserviceClient client;
    private final Mapping mapping;
    private final LinkStore links;
    private final InboxStore inbox;
    private final TicketService tickets;
    private final CatalogService catalog;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Activate
    public IntraserviceSyncImpl(IntraserviceConfig c, @Reference SourcesDatabase db,
            @Reference TicketService tickets, @Reference CatalogService catalog) {
        this(new IntraserviceClient(new IntraserviceClient.Settings(c.url(), c.user(), c.password(),
                c.timeoutMillis())), Mapping.parse(c.serviceId(), c.typeId(), c.newStatusId(), c.statusMap(),
                        c.closingStatusIds()), db, tickets, catalog, Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coffee-intraservice"));
        long every = Math.max(30, c.intervalSeconds());
        executor.scheduleWithFixedDelay(this::scheduled, 10, every, TimeUnit.SECONDS);
    }

    public IntraserviceSyncImpl(IntraserviceClient client, Mapping mapping, SourcesDatabase db,
            TicketService tickets, CatalogService catalog, Clock clock) {
        this.client = client;
        this.mapping = mapping;
        this.links = new LinkStore(db.jdbc());
        this.inbox = new InboxStore(db.jdbc());
        this.tickets = tickets;
        this.catalog = catalog;
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
            IntraserviceSyncResult r = run();
            if (r.imported() + r.triage() + r.statusIn() + r.exported() + r.statusOut() > 0 || !r.errors().isEmpty()) {
                LOG.info("Intraservice sync: {}", r);
            }
        } catch (RuntimeException e) {
            LOG.warn("Intraservice sync failed: {}", e.getMessage());
        }
    }

    @Override
    public IntraserviceSyncResult sync(Caller caller) {
        caller.require("synchronise with Intraservice", Role.OPERATOR, Role.SERVICE_ADMIN);
        try {
            return run();
        } catch (IntraserviceException e) {
            return new IntraserviceSyncResult(0, 0, 0, 0, 0, List.of(e.getMessage()));
        }
    }

    synchronized IntraserviceSyncResult run() {
        List<String> errors = new ArrayList<>();
        int[] in = pull(errors);
        int statusOut = push(errors);
        int exported = export(errors);
        return new IntraserviceSyncResult(in[0], in[1], in[2], exported, statusOut, errors);
    }

    /** @return imported, triage, statusIn */
    private int[] pull(List<String> errors) {
        int[] counts = new int[3];
        LocalDateTime since = links.cursor().orElse(null);
        List<IntraserviceTask> changed = client.changedSince(since);
        List<PointOfSale> fleet = null;
        LocalDateTime newest = since;
        for (IntraserviceTask task : changed) {
            try {
                Optional<LinkStore.Link> link = links.byTask(task.id());
                if (link.isPresent()) {
                    counts[2] += statusChanged(link.get(), task) ? 1 : 0;
                } else if (!mapping.closing().contains(task.statusId())) {
                    if (fleet == null) {
                        fleet = Fleets.allPointsOfSale(catalog);
                    }
                    counts[importTask(task, fleet) ? 0 : 1]++;
                }
            } catch (CoffeeException | IntraserviceException e) {
                errors.add("task " + task.id() + ": " + e.getMessage());
            }
            if (task.changed() != null && (newest == null || task.changed().isAfter(newest))) {
                newest = task.changed();
            }
        }
        if (newest != null && !newest.equals(since)) {
            links.cursor(newest);
        }
        return counts;
    }

    /** @return true when it opened a ticket, false when it went to triage */
    private boolean importTask(IntraserviceTask task, List<PointOfSale> fleet) {
        String external = String.valueOf(task.id());
        Optional<Ticket> existing = tickets.findByExternal(Caller.system(), TicketSource.INTRASERVICE, external);
        if (existing.isPresent()) {
            links.link(existing.get().id(), task.id(), "IN", task.statusId(), clock.instant());
            return true;
        }
        String text = task.description() == null ? "" : task.description();
        PosRecognizer.Recognition r = PosRecognizer.recognise(fleet, task.name(), text);
        IncomingMail asMail = new IncomingMail(PREFIX + task.id(), List.of(), null, task.creator(), task.name(),
                text, null, List.of());
        if (!r.found()) {
            if (!inbox.known(asMail.messageId())) {
                inbox.insert(TicketSource.INTRASERVICE, asMail, clock.instant(), InboxStatus.TRIAGE,
                        "Intraservice task " + task.id() + ": " + r.note(), null, null, null);
            }
            return false;
        }
        String reason = (task.name() + (text.isBlank() ? "" : "\n\n" + text)).strip();
        Ticket t = tickets.create(Caller.system(), new NewTicket(TicketSource.INTRASERVICE, external, null, null,
                r.pos().id(), null, null, task.creator(), null, reason.length() > 2000 ? reason.substring(0, 2000)
                        : reason, null));
        links.link(t.id(), task.id(), "IN", task.statusId(), clock.instant());
        return true;
    }

    private boolean statusChanged(LinkStore.Link link, IntraserviceTask task) {
        if (link.statusId() != null && link.statusId() == task.statusId()) {
            return false;
        }
        links.status(link.ticketId(), task.statusId(), clock.instant());
        Ticket t = tickets.get(Caller.system(), link.ticketId());
        if (mapping.closing().contains(task.statusId()) && t.state().open()) {
            tickets.transition(Caller.system(), t.id(), t.version(), TicketState.CANCELLED,
                    "closed in Intraservice (task " + task.id() + ", status " + task.statusId() + ")");
            return true;
        }
        tickets.note(Caller.system(), t.id(), "Intraservice task " + task.id() + " is now in status "
                + task.statusId());
        return true;
    }

    /** Our states out, for every linked ticket whose mapped status differs from the last one exchanged. */
    private int push(List<String> errors) {
        int pushed = 0;
        linkUnlinkedImports(errors);
        for (LinkStore.Link link : links.all()) {
            try {
                Ticket t = tickets.get(Caller.system(), link.ticketId());
                Integer status = mapping.states().get(t.state());
                if (status == null || status.equals(link.statusId())) {
                    continue;
                }
                client.setStatus(link.taskId(), status, "Coffee Control " + t.number() + ": " + t.state()
                        + (t.result() == null ? "" : " — " + t.result())
                        + (t.cancelReason() == null ? "" : " — " + t.cancelReason()));
                links.status(t.id(), status, clock.instant());
                pushed++;
            } catch (CoffeeException | IntraserviceException e) {
                errors.add("ticket " + link.ticketId() + " → task " + link.taskId() + ": " + e.getMessage());
            }
        }
        return pushed;
    }

    /** Tickets opened from Intraservice triage items by a person carry the task id but have no link yet. */
    private void linkUnlinkedImports(List<String> errors) {
        TicketQuery q = TicketQuery.inStates(EnumSet.noneOf(TicketState.class));
        q = new TicketQuery(null, q.states(), TicketSource.INTRASERVICE, null, null, null, null, null, null, null,
                null, q.page());
        for (Ticket t : tickets.search(Caller.system(), q).items()) {
            if (links.byTicket(t.id()).isPresent() || t.externalNumber() == null) {
                continue;
            }
            try {
                long taskId = Long.parseLong(t.externalNumber());
                if (links.byTask(taskId).isEmpty()) {
                    links.link(t.id(), taskId, "IN", null, clock.instant());
                }
            } catch (NumberFormatException e) {
                errors.add(t.number() + ": external number '" + t.externalNumber() + "' is no Intraservice task id");
            }
        }
    }

    /** Field tickets of POS routed to Intraservice that have no task yet become tasks there. */
    private int export(List<String> errors) {
        int exported = 0;
        Map<Long, PointOfSale> pos = new HashMap<>();
        TicketQuery q = TicketQuery.inStates(EnumSet.of(TicketState.NEW, TicketState.ASSIGNED,
                TicketState.IN_PROGRESS));
        q = new TicketQuery(null, q.states(), null, null, null, null, null, null, null, null, true, q.page());
        for (Ticket t : tickets.search(Caller.system(), q).items()) {
            if (t.posId() == null || t.source() == TicketSource.INTRASERVICE || links.byTicket(t.id()).isPresent()) {
                continue;
            }
            try {
                PointOfSale p = pos.computeIfAbsent(t.posId(), id -> catalog.pointOfSale(Caller.system(), id));
                if (!ROUTE.equalsIgnoreCase(p.helpdeskRoute())) {
                    continue;
                }
                long task = client.create(t.number() + ": " + p.name(), "Coffee Control " + t.number() + "\n"
                        + p.name() + " (" + p.code() + "), " + p.address() + "\n" + t.reason(), mapping.serviceId(),
                        mapping.typeId(), mapping.newStatusId());
                links.link(t.id(), task, "OUT", mapping.newStatusId(), clock.instant());
                tickets.note(Caller.system(), t.id(), "Sent to Intraservice as task " + task);
                exported++;
            } catch (CoffeeException | IntraserviceException e) {
                errors.add(t.number() + " → Intraservice: " + e.getMessage());
            }
        }
        return exported;
    }
}
