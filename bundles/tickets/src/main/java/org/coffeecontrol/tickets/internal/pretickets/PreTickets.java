package org.coffeecontrol.tickets.internal.pretickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.MonitoringService;
import org.coffeecontrol.monitoring.api.Problem;
import org.coffeecontrol.monitoring.api.ProblemKind;
import org.coffeecontrol.monitoring.api.ProblemListener;
import org.coffeecontrol.monitoring.api.ProblemQuery;
import org.coffeecontrol.tickets.api.TicketSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-tickets from critical problems and connectivity findings (TKT-2). Monitoring tells this listener of every
 * problem as it opens; a sweep reads the open problems too, so a problem that opened while this bundle was away
 * still gets its ticket, and a machine not online for longer than the configured time gets a FINDING ticket.
 */
@Component(service = ProblemListener.class, configurationPid = PreTicketsConfig.PID, immediate = true)
@Designate(ocd = PreTicketsConfig.class)
public class PreTickets implements ProblemListener {

    private static final Logger LOG = LoggerFactory.getLogger(PreTickets.class);
    static final String OFFLINE = "NOT_ONLINE";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final AutoTickets auto;
    private final MonitoringService monitoring;
    private final Set<String> codes;
    private final boolean allCodes;
    private final Duration offlineAfter;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Activate
    public PreTickets(PreTicketsConfig config, @Reference AutoTickets auto, @Reference MonitoringService monitoring) {
        this(auto, monitoring, config.criticalCodes(), config.offlineFindingMinutes(), Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coffee-pretickets"));
        long every = Math.max(5, config.sweepSeconds());
        executor.scheduleWithFixedDelay(this::sweepSafely, every, every, TimeUnit.SECONDS);
    }

    public PreTickets(AutoTickets auto, MonitoringService monitoring, String criticalCodes, int offlineMinutes,
            Clock clock) {
        this.auto = auto;
        this.monitoring = monitoring;
        String spec = criticalCodes == null ? "" : criticalCodes.strip();
        this.allCodes = spec.equals("*");
        this.codes = Arrays.stream(spec.split("[,;\\s]+")).filter(s -> !s.isBlank() && !s.equals("*"))
                .map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.offlineAfter = offlineMinutes <= 0 ? null : Duration.ofMinutes(offlineMinutes);
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public void opened(Problem p) {
        if (p.kind() == ProblemKind.CRITICAL_ERROR) {
            preTicket(p);
        }
    }

    @Override
    public void closed(Problem p) {
        if (p.kind() != ProblemKind.CRITICAL_ERROR || !wanted(p.code())) {
            return;
        }
        // the operator decides whether "problem gone" closes it; he needs to know it is gone
        auto.noteOpen(p.equipmentId(), critical(p.code()), "Problem cleared at " + WHEN.format(p.end()) + ": "
                + p.text());
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Pre-ticket sweep failed: {}", e.getMessage(), e);
        }
    }

    /** Catches up on open critical problems and opens connectivity findings; returns the tickets opened. */
    public int sweep() {
        int opened = 0;
        Instant now = clock.instant();
        int offset = 0;
        while (true) {
            Page<Problem> page = monitoring.problems(Caller.system(), new ProblemQuery(null, null, null, true,
                    new PageRequest(offset, PageRequest.MAX_LIMIT)));
            for (Problem p : page.items()) {
                if (p.kind() == ProblemKind.CRITICAL_ERROR) {
                    opened += preTicket(p) ? 1 : 0;
                } else if (p.kind() == ProblemKind.NOT_ONLINE && offlineAfter != null && p.posId() != null
                        && p.duration(now).compareTo(offlineAfter) >= 0) {
                    opened += auto.open(new AutoTickets.Request(TicketSource.FINDING, null, "REMOTE", p.posId(),
                            p.equipmentId(), OFFLINE, p.id(), "Connectivity: " + label(p) + " not online since "
                                    + WHEN.format(p.start()) + " (" + p.text() + ")"), null).isPresent() ? 1 : 0;
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return opened;
            }
        }
    }

    private boolean preTicket(Problem p) {
        if (p.posId() == null || !wanted(p.code())) {
            return false;
        }
        return auto.open(request(p), null).isPresent();
    }

    private AutoTickets.Request request(Problem p) {
        return new AutoTickets.Request(TicketSource.PRE_TICKET, "P" + p.id(), "REPAIR", p.posId(), p.equipmentId(),
                critical(p.code()), p.id(), "Critical error " + p.text() + " on " + label(p) + " since "
                        + WHEN.format(p.start()));
    }

    private boolean wanted(String code) {
        return allCodes || (code != null && codes.contains(code.toUpperCase(Locale.ROOT)));
    }

    private static String critical(String code) {
        return "CRITICAL:" + (code == null ? "" : code.toUpperCase(Locale.ROOT));
    }

    private static String label(Problem p) {
        return p.serialNumber() == null ? "machine #" + p.equipmentId() : p.serialNumber();
    }
}
