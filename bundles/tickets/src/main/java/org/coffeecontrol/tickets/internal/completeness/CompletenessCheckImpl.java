package org.coffeecontrol.tickets.internal.completeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.mail.MailMessage;
import org.coffeecontrol.api.mail.MailService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.tickets.api.CompletenessCheck;
import org.coffeecontrol.tickets.api.CompletenessFinding;
import org.coffeecontrol.tickets.api.CompletenessRun;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketQuery;
import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.api.TicketState;
import org.coffeecontrol.tickets.internal.mail.TicketReference;
import org.coffeecontrol.tickets.internal.sources.SourcesDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completeness check (TKT-7). A run looks at the done and closed tickets changed within the look-back window,
 * lists what each lacks ({@link Rules}) and sends every incomplete one back to its executor: a note on the ticket,
 * an e-mail with the list when a mail server and the executor's address are known, and a done ticket back to
 * IN_PROGRESS (a closed one is final, so it gets the note and the mail only). The same list is sent once: a ticket
 * still lacking the same things is listed again but not sent again.
 */
@Component(service = CompletenessCheck.class, configurationPid = CompletenessCheckImpl.PID)
@Designate(ocd = CompletenessCheckImpl.Config.class)
public class CompletenessCheckImpl implements CompletenessCheck {

    static final String PID = "org.coffeecontrol.tickets.completeness";
    static final String SCHEDULED = "SCHEDULED";
    private static final Logger LOG = LoggerFactory.getLogger(CompletenessCheckImpl.class);

    @ObjectClassDefinition(name = "Coffee Control completeness check", description = "Daily check of finished tickets")
    public @interface Config {
        @AttributeDefinition(description = "Local time of the daily run (HH:mm); empty turns the schedule off")
        String dailyAt() default "02:00";

        @AttributeDefinition(description = "Days back a finished ticket is checked")
        int lookbackDays() default 7;

        @AttributeDefinition(description = "Time zone of the daily run; empty means the system zone")
        String zone() default "";
    }

    private final CheckStore store;
    private final TicketService tickets;
    private final UserService users;
    private final Duration lookback;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MailService smtp;

    @Activate
    public CompletenessCheckImpl(Config config, @Reference SourcesDatabase db, @Reference TicketService tickets,
            @Reference UserService users) {
        this(db, tickets, users, config.lookbackDays(), Clock.systemUTC());
        if (config.dailyAt() != null && !config.dailyAt().isBlank()) {
            ZoneId zone = config.zone() == null || config.zone().isBlank() ? ZoneId.systemDefault()
                    : ZoneId.of(config.zone().strip());
            LocalTime at;
            try {
                at = LocalTime.parse(config.dailyAt().strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("dailyAt '" + config.dailyAt() + "' is not HH:mm", e);
            }
            executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coffee-completeness"));
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
            ZonedDateTime next = now.with(at);
            if (!next.isAfter(now)) {
                next = next.plusDays(1);
            }
            executor.scheduleAtFixedRate(this::scheduled, Duration.between(now, next).toMinutes(),
                    TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
        }
    }

    public CompletenessCheckImpl(SourcesDatabase db, TicketService tickets, UserService users, int lookbackDays,
            Clock clock) {
        this.store = new CheckStore(db.jdbc());
        this.tickets = tickets;
        this.users = users;
        this.lookback = Duration.ofDays(Math.max(1, lookbackDays));
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
            CompletenessRun r = check(SCHEDULED);
            LOG.info("Completeness check: {} checked, {} incomplete, {} sent back", r.checked(), r.flagged(),
                    r.sentBack());
        } catch (RuntimeException e) {
            LOG.warn("Completeness check failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public CompletenessRun run(Caller caller) {
        caller.require("run the completeness check", Role.SERVICE_ADMIN);
        return check(caller.username());
    }

    @Override
    public List<CompletenessRun> runs(Caller caller, int limit) {
        caller.require("read the completeness check", Role.SERVICE_ADMIN, Role.MANAGER);
        return store.runs(limit <= 0 ? 30 : limit);
    }

    @Override
    public List<CompletenessFinding> findings(Caller caller, long runId) {
        caller.require("read the completeness check", Role.SERVICE_ADMIN, Role.MANAGER);
        long id = runId;
        if (id <= 0) {
            List<CompletenessRun> latest = store.runs(1);
            if (latest.isEmpty()) {
                return List.of();
            }
            id = latest.get(0).id();
        } else if (store.runs(1000).stream().noneMatch(r -> r.id() == runId)) {
            throw new NotFoundException("completeness run", String.valueOf(runId));
        }
        return store.findings(id, ticketId -> tickets.get(Caller.system(), ticketId).number()).stream()
                .filter(f -> caller.canSeeClient(f.clientId())).toList();
    }

    /** One run; synchronised so that the schedule and a person cannot run it twice at once. */
    synchronized CompletenessRun check(String trigger) {
        Instant started = clock.instant();
        long runId = store.start(started, trigger);
        Instant since = started.minus(lookback);
        int checked = 0;
        int flagged = 0;
        int sentBack = 0;
        for (Ticket t : finished()) {
            if (t.updatedAt() != null && t.updatedAt().isBefore(since)) {
                continue;
            }
            checked++;
            List<String> missing = Rules.missing(t, tickets.lines(Caller.system(), t.id()));
            if (missing.isEmpty()) {
                continue;
            }
            flagged++;
            String list = String.join("\n", missing);
            boolean again = store.lastSent(t.id()).map(list::equals).orElse(false);
            String sentTo = null;
            if (!again) {
                sentTo = sendBack(t, missing);
                sentBack++;
            }
            store.finding(runId, new CompletenessFinding(0, runId, t.id(), t.number(), t.clientId(), t.executor(),
                    t.state(), missing, !again, sentTo));
        }
        Instant finished = clock.instant();
        store.finish(runId, finished, checked, flagged, sentBack);
        return new CompletenessRun(runId, started, finished, trigger, checked, flagged, sentBack);
    }

    private List<Ticket> finished() {
        List<Ticket> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Ticket> page = tickets.search(Caller.system(), TicketQuery.inStates(EnumSet.of(TicketState.DONE,
                    TicketState.CLOSED)).withPage(new PageRequest(offset, PageRequest.MAX_LIMIT)));
            out.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return out;
            }
        }
    }

    /** @return the address mailed, or null when none could be */
    private String sendBack(Ticket t, List<String> missing) {
        String text = "Completeness check: " + t.number() + " lacks " + String.join(", ", missing);
        tickets.note(Caller.system(), t.id(), text);
        if (t.state() == TicketState.DONE) {
            try {
                Ticket noted = tickets.get(Caller.system(), t.id());
                tickets.transition(Caller.system(), t.id(), noted.version(), TicketState.IN_PROGRESS,
                        "sent back for correction: " + String.join(", ", missing));
            } catch (CoffeeException e) {
                LOG.info("{} not moved back to work: {}", t.number(), e.getMessage());
            }
        }
        MailService out = smtp;
        if (out == null || t.executor() == null) {
            return null;
        }
        try {
            String email = users.user(Caller.system(), t.executor()).email();
            if (email == null || email.isBlank()) {
                return null;
            }
            out.send(MailMessage.of(email, TicketReference.subjectTag(t.number()) + " incomplete / заявка не заполнена",
                    "The ticket " + t.number() + " was sent back to you. Please complete:\n- "
                            + String.join("\n- ", missing) + "\n\nЗаявка " + t.number()
                            + " возвращена на доработку. Заполните недостающее (см. список выше)."));
            return email;
        } catch (CoffeeException | IllegalStateException e) {
            LOG.info("Completeness mail for {} not sent: {}", t.number(), e.getMessage());
            return null;
        }
    }
}
