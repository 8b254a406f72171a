package org.coffeecontrol.reports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.telemetry.EventLog;
import org.coffeecontrol.api.telemetry.TelemetryListener;
import org.coffeecontrol.reports.api.ExportFormat;
import org.coffeecontrol.reports.api.FilterKind;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.PeriodKind;
import org.coffeecontrol.reports.api.ReportDefinition;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportJob;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.reports.api.SensorSeries;
import org.coffeecontrol.reports.internal.export.CsvExport;
import org.coffeecontrol.reports.internal.export.XlsxExport;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The report service: owns the rollup feed (registered as core's {@link TelemetryListener}) and the job threads.
 * Requests are checked here once — role, period, groupings, filters against the caller's visibility — before a
 * report runs on the caller's thread or as a job.
 */
@Component(service = { ReportService.class, HealthCheck.class }, configurationPid = ReportsConfig.PID, immediate = true)
@Designate(ocd = ReportsConfig.class)
public class ReportServiceImpl implements ReportService, HealthCheck {

    /** Longest period a run may cover, in days. */
    static final long MAX_DAYS = 3 * 366;
    private static final Role[] READERS = { Role.OPERATOR, Role.TECH_SUPPORT, Role.SERVICE_ADMIN, Role.MANAGER,
            Role.FINANCE, Role.CLIENT };

    private final DataSource ds;
    /** Core's stored events: the rollup catch-up, late events and the raw sensor curves read them. */
    private final EventLog eventLog;
    private final CatalogService catalog;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final RollupWriter writer;
    private final RollupFeed feed;
    private final ScheduledExecutorService feedThread;
    private final ExecutorService jobThreads;
    private final Jobs jobs;
    private ServiceRegistration<TelemetryListener> listener;

    /** REP-7's checklists: present only while the tickets feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ChecklistSource checklists;

    @Activate
    public ReportServiceImpl(BundleContext context, ReportsConfig config,
            @Reference(target = "(dataSourceName=coffee)") DataSource ds, @Reference EventLog eventLog,
            @Reference CatalogService catalog) {
        this(ds, eventLog, catalog, Settings.from(config), Clock.systemUTC(), true);
        feed.start(settings.catchUpSeconds());
        listener = context.registerService(TelemetryListener.class, feed, null);
        feed.listening();
    }

    /** {@code threads=false}: tests drive the feed by hand (catchUp, fold) and run jobs on a real pool anyway. */
    ReportServiceImpl(DataSource ds, EventLog eventLog, CatalogService catalog, Settings settings, Clock clock,
            boolean threads) {
        this.ds = ds;
        this.eventLog = eventLog;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        Schema.upgrade(ds);
        this.writer = new RollupWriter(ds, eventLog, settings.zone(), settings.outageAfter());
        this.feedThread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coffee-reports-rollups"));
        this.feed = new RollupFeed(ds, eventLog, writer, feedThread);
        AtomicInteger n = new AtomicInteger();
        this.jobThreads = Executors.newFixedThreadPool(settings.jobThreads(),
                r -> new Thread(r, "coffee-reports-job-" + n.incrementAndGet()));
        this.jobs = new Jobs(jobThreads, clock, settings.jobKeep());
        for (Report r : List.of(new DrinksReport(), new ComparisonReport(), new ConnectionReport(),
                new CleaningReport(), new DowntimeReport(), new CountersReport(), new ChecklistReport(() -> checklists),
                new SensorReport())) {
            reports.put(r.definition().id(), r);
        }
    }

    RollupFeed feed() {
        return feed;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (listener != null) {
            listener.unregister();
        }
        feedThread.shutdownNow();
        jobThreads.shutdownNow();
        feedThread.awaitTermination(10, TimeUnit.SECONDS);
        jobThreads.awaitTermination(10, TimeUnit.SECONDS);
    }

    // ---- ReportService ------------------------------------------------------------------------------------------

    @Override
    public List<ReportDefinition> definitions(Caller caller) {
        caller.require("read reports", READERS);
        return reports.values().stream().map(Report::definition).toList();
    }

    @Override
    public ReportDefinition definition(Caller caller, String reportId) {
        return report(caller, reportId).definition();
    }

    private Report report(Caller caller, String reportId) {
        caller.require("read reports", READERS);
        Report r = reportId == null ? null : reports.get(reportId.strip().toLowerCase(java.util.Locale.ROOT));
        if (r == null) {
            throw new NotFoundException("report", reportId);
        }
        return r;
    }

    @Override
    public ReportResult run(Caller caller, ReportRequest request) {
        Prepared p = prepare(caller, request);
        return p.report().run(p.run(Progress.NONE));
    }

    @Override
    public ReportJob submit(Caller caller, ReportRequest request) {
        Prepared p = prepare(caller, request);
        return jobs.submit(caller, p.report().definition().id(), progress -> p.report().run(p.run(progress)));
    }

    @Override
    public ReportJob job(Caller caller, String jobId) {
        caller.require("read reports", READERS);
        return jobs.job(caller, jobId);
    }

    @Override
    public List<ReportJob> jobs(Caller caller) {
        caller.require("read reports", READERS);
        return jobs.jobs(caller);
    }

    @Override
    public ReportJob cancel(Caller caller, String jobId) {
        caller.require("read reports", READERS);
        return jobs.cancel(caller, jobId);
    }

    @Override
    public ReportResult result(Caller caller, String jobId) {
        caller.require("read reports", READERS);
        return jobs.result(caller, jobId);
    }

    @Override
    public void export(ReportResult result, ExportFormat format, OutputStream out) throws IOException {
        if (result == null || format == null) {
            throw new ValidationException(result == null ? "result" : "format", "is required");
        }
        switch (format) {
            case XLSX -> XlsxExport.write(result, out);
            case CSV -> CsvExport.write(result, out);
        }
    }

    @Override
    public List<String> products(Caller caller) {
        return distinct(caller, "SELECT DISTINCT equipment_id, product FROM cc_rep_drink_month");
    }

    @Override
    public List<String> sensors(Caller caller) {
        return distinct(caller, "SELECT DISTINCT equipment_id, sensor FROM cc_rep_sensor_day");
    }

    private List<String> distinct(Caller caller, String sql) {
        caller.require("read reports", READERS);
        Scope scope = Scope.resolve(catalog, caller, ReportFilter.none());
        return Db.query(ds, c -> {
            Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (scope.contains(rs.getLong(1))) {
                        out.add(rs.getString(2));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<SensorSeries> sensorSeries(Caller caller, long equipmentId, Instant from, Instant to, int maxPoints) {
        caller.require("read reports", READERS);
        // Visibility before the arguments: another client's machine is "not found", whatever else is wrong.
        catalog.equipment(caller, equipmentId);
        if (from == null || to == null) {
            throw new ValidationException(from == null ? "from" : "to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from");
        }
        if (maxPoints < 2) {
            throw new ValidationException("maxPoints", "must be at least 2");
        }
        return SensorSeriesQuery.read(eventLog, equipmentId, from, to, maxPoints);
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    // ---- HealthCheck --------------------------------------------------------------------------------------------

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public HealthStatus check() {
        Map<String, Object> details = new HashMap<>();
        details.put("eventsFolded", feed.eventsFolded());
        details.put("lastCatchUp", String.valueOf(feed.lastCatchUp()));
        if (feed.behind()) {
            return new HealthStatus(HealthStatus.State.DEGRADED, "rollups catching up", details);
        }
        return HealthStatus.up("rollups current", details);
    }

    // ---- request checks -----------------------------------------------------------------------------------------

    private record Prepared(Report report, Caller caller, ReportRequest request, Scope scope, ReportServiceImpl owner) {
        Run run(Progress progress) {
            return new Run(caller, request, scope, owner.ds, owner.settings, owner.clock, progress);
        }
    }

    private Prepared prepare(Caller caller, ReportRequest request) {
        if (request == null) {
            throw new ValidationException("request", "is required");
        }
        Report report = report(caller, request.reportId());
        ReportDefinition d = report.definition();
        ReportRequest normal = normalise(d, request);
        return new Prepared(report, caller, normal, Scope.resolve(catalog, caller, normal.filter()), this);
    }

    /** Checks a request against its definition and fills in the defaults. */
    ReportRequest normalise(ReportDefinition d, ReportRequest r) {
        LocalDate from = r.from();
        LocalDate to = r.to();
        if (d.periodKind() == PeriodKind.AS_OF) {
            to = to == null ? LocalDate.now(clock.withZone(settings.zone())) : to;
            from = to;
        } else {
            checkRange("from", "to", from, to);
        }
        if (d.periodKind() == PeriodKind.TWO_RANGES) {
            checkRange("compareFrom", "compareTo", r.compareFrom(), r.compareTo());
        }
        List<Grouping> groupings = r.groupings().isEmpty() ? d.defaultGroupings() : r.groupings();
        Set<Grouping> seen = new HashSet<>();
        for (Grouping g : groupings) {
            if (g == null || !d.groupings().contains(g)) {
                throw new ValidationException("groupings", "'" + g + "' is not offered by this report (offered: "
                        + d.groupings() + ")");
            }
            if (!seen.add(g)) {
                throw new ValidationException("groupings", g + " is listed twice");
            }
        }
        if (!d.periodicities().isEmpty() && !d.periodicities().contains(r.periodicity())) {
            throw new ValidationException("periodicity", "'" + r.periodicity() + "' is not offered by this report");
        }
        if (r.horizontal()) {
            if (!d.horizontal()) {
                throw new ValidationException("horizontal", "this report has no horizontal periodicity");
            }
            if (groupings.contains(Grouping.PERIOD)) {
                throw new ValidationException("horizontal", "periods are columns already: drop PERIOD from the groupings");
            }
            if (Periods.buckets(from, to, r.periodicity()).size() > 400) {
                throw new ValidationException("periodicity", "more than 400 period columns: choose a longer periodicity");
            }
        }
        checkFilter(d, r.filter());
        return new ReportRequest(d.id(), from, to, r.compareFrom(), r.compareTo(), r.filter(), groupings,
                r.periodicity(), r.horizontal(), r.options());
    }

    private static void checkRange(String fromField, String toField, LocalDate from, LocalDate to) {
        if (from == null) {
            throw new ValidationException(fromField, "is required");
        }
        if (to == null) {
            throw new ValidationException(toField, "is required");
        }
        if (to.isBefore(from)) {
            throw new ValidationException(toField, "is before " + fromField);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ValidationException(toField, "a period may span at most " + MAX_DAYS + " days");
        }
    }

    private static void checkFilter(ReportDefinition d, ReportFilter f) {
        Map<FilterKind, Boolean> used = Map.of(FilterKind.CLIENT, !f.clientIds().isEmpty(), FilterKind.REGION,
                !f.regionIds().isEmpty(), FilterKind.POS, !f.posIds().isEmpty(), FilterKind.EQUIPMENT,
                !f.equipmentIds().isEmpty(), FilterKind.PRODUCT, !f.products().isEmpty(), FilterKind.SENSOR,
                !f.sensors().isEmpty());
        List<String> refused = new ArrayList<>();
        used.forEach((k, on) -> {
            if (on && !d.filters().contains(k)) {
                refused.add(k.name());
            }
        });
        if (!refused.isEmpty()) {
            throw new ValidationException("filter", "this report does not filter by " + refused);
        }
    }
}
