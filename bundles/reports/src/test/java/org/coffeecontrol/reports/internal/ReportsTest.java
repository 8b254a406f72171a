package org.coffeecontrol.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportJob;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-made days with known answers: cleaning states, downtime in opening hours, counters, visibility, jobs. */
class ReportsTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final LocalDate D1 = LocalDate.of(2026, 3, 2);
    static final Instant NOW = D1.plusDays(4).atTime(12, 0).toInstant(ZoneOffset.UTC);

    Store store;
    Catalog catalog;
    ReportServiceImpl svc;
    long clientA;
    long clientB;
    long posA;
    long posB;
    long machineA;
    long machineB;
    final List<MachineEvent> eventsA = new ArrayList<>();
    long seq;

    @BeforeEach
    void setUp() throws Exception {
        store = new Store();
        catalog = new Catalog();
        clientA = catalog.addClient("Alpha");
        clientB = catalog.addClient("Beta");
        Map<String, String> hours = Map.of("MON", "08:00-20:00", "TUE", "08:00-20:00", "WED", "08:00-20:00",
                "THU", "08:00-20:00", "FRI", "08:00-20:00", "SAT", "08:00-20:00", "SUN", "08:00-20:00");
        posA = catalog.addPos("Alpha 1", clientA, null, hours, "06:30,22:30");
        posB = catalog.addPos("Beta 1", clientB, null, Map.of(), null);
        machineA = catalog.addMachine("A-1", posA);
        machineB = catalog.addMachine("B-1", posB);
        svc = new ReportServiceImpl(store.ds, new JdbcEventLog(store.ds),
                catalog, Settings.defaults(ZONE), Clock.fixed(NOW, ZONE), false);
        svc.feed().catchUp();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        svc.deactivate();
    }

    Instant at(LocalDate d, int h, int m) {
        return d.atTime(h, m).toInstant(ZoneOffset.UTC);
    }

    void beats(LocalDate d, int fromHour, int toHour) {
        for (Instant t = at(d, fromHour, 0); t.isBefore(at(d, 0, 0).plus(Duration.ofHours(toHour))); t = t.plusSeconds(60)) {
            eventsA.add(new MachineEvent.Heartbeat(++seq, t));
        }
    }

    void add(MachineEvent e) {
        eventsA.add(e);
    }

    void feed() throws Exception {
        eventsA.sort((a, b) -> a.time().compareTo(b.time()));
        List<MachineEvent> renumbered = new ArrayList<>();
        long s = 0;
        for (MachineEvent e : eventsA) {
            s++;
            renumbered.add(renumber(e, s));
        }
        store.store(machineA, renumbered);
        svc.feed().catchUp();
    }

    static MachineEvent renumber(MachineEvent e, long s) {
        if (e instanceof MachineEvent.Heartbeat h) {
            return new MachineEvent.Heartbeat(s, h.time());
        } else if (e instanceof MachineEvent.CleaningRun c) {
            return new MachineEvent.CleaningRun(s, c.time(), c.program(), c.end(), c.completed());
        } else if (e instanceof MachineEvent.ErrorRaised r) {
            return new MachineEvent.ErrorRaised(s, r.time(), r.code(), r.text(), r.severity());
        } else if (e instanceof MachineEvent.ErrorCleared c) {
            return new MachineEvent.ErrorCleared(s, c.time(), c.code());
        } else if (e instanceof MachineEvent.CounterReading c) {
            return new MachineEvent.CounterReading(s, c.time(), c.key(), c.value());
        } else if (e instanceof MachineEvent.DrinkMade d) {
            return new MachineEvent.DrinkMade(s, d.time(), d.product(), d.sizeMl());
        }
        throw new IllegalArgumentException(e.toString());
    }

    @Test
    void cleaningCalendarHasTheFourStates() throws Exception {
        LocalDate d2 = D1.plusDays(1);
        LocalDate d3 = D1.plusDays(2);
        beats(D1, 6, 23);
        add(new MachineEvent.CleaningRun(0, at(D1, 6, 40), "System cleaning", at(D1, 6, 50), true));
        add(new MachineEvent.CleaningRun(0, at(D1, 22, 0), "System cleaning", at(D1, 22, 10), true));
        beats(d2, 6, 23);
        add(new MachineEvent.CleaningRun(0, at(d2, 12, 0), "System cleaning", at(d2, 12, 10), true));
        add(new MachineEvent.CleaningRun(0, at(d2, 22, 30), "System cleaning", at(d2, 22, 31), false));
        beats(d3, 6, 23);
        feed();
        ReportResult r = svc.run(Caller.system(), ReportRequest.of("cleaning", D1, D1.plusDays(5),
                ReportFilter.none().withEquipment(machineA)));
        ReportRow row = r.details().get(0);
        int first = r.columnIndex(D1.toString());
        assertEquals("CLEANED_IN_SCHEDULE", row.cell(first));
        assertEquals("CLEANED_OUT_OF_SCHEDULE", row.cell(first + 1), "one run at noon, the evening one aborted");
        assertEquals("NOT_CLEANED", row.cell(first + 2));
        assertEquals("NOT_ONLINE", row.cell(first + 3));
        assertEquals("NOT_ONLINE", row.cell(first + 4), "today, before any contact");
        assertNull(row.cell(first + 5), "tomorrow is not judged yet");
        assertEquals(1L, row.cell(r.columnIndex("daysWithoutCleaning")));
        assertEquals(4, r.legend().size());
    }

    @Test
    void downtimeCountsOverlappingCausesOnceAndOnlyInOpeningHours() throws Exception {
        beats(D1, 7, 12);
        beats(D1, 13, 23);
        add(new MachineEvent.ErrorRaised(0, at(D1, 12, 30), "E-61", "Brewer motor overcurrent", Severity.CRITICAL));
        add(new MachineEvent.ErrorCleared(0, at(D1, 14, 0), "E-61"));
        add(new MachineEvent.ErrorRaised(0, at(D1, 15, 0), "E-33", "Heater temperature too low", Severity.WARNING));
        add(new MachineEvent.ErrorCleared(0, at(D1, 15, 30), "E-33"));
        add(new MachineEvent.ErrorRaised(0, at(D1, 21, 0), "E-1", "Water supply pressure low", Severity.CRITICAL));
        add(new MachineEvent.ErrorCleared(0, at(D1, 21, 40), "E-1"));
        feed();
        ReportResult r = svc.run(Caller.system(), ReportRequest.of("downtime", D1, D1, ReportFilter.none().withPos(posA)));
        List<ReportRow> details = r.details();
        assertEquals(2, details.size(), "outage and E-61; the warning and the error after closing do not count");
        assertEquals("NOT_ONLINE", details.get(0).cell(2));
        // the outage runs from the last heartbeat (11:59) to the next one (13:00)
        assertEquals(61L, details.get(0).cell(6));
        assertEquals("E-61", details.get(1).cell(2));
        assertEquals(90L, details.get(1).cell(6));
        ReportRow machine = r.rows().stream().filter(x -> x.kind() == ReportRow.Kind.SUBTOTAL).findFirst().orElseThrow();
        assertEquals(121L, machine.cell(6), "11:59-14:00 once");
        assertEquals(720L, machine.cell(7), "08:00-20:00");
        assertEquals(83.2, (Double) machine.cell(8), 1e-9);
    }

    @Test
    void countersAsOfADayTakeTheNewestValueUpToThen() throws Exception {
        add(new MachineEvent.CounterReading(0, at(D1, 6, 0), "mpo_ver", "2.1"));
        add(new MachineEvent.CounterReading(0, at(D1, 6, 0), "descaling_count_current_value", "120"));
        add(new MachineEvent.CounterReading(0, at(D1.plusDays(1), 6, 0), "mpo_ver", "2.2"));
        add(new MachineEvent.CounterReading(0, at(D1.plusDays(1), 7, 0), "descaling_count_current_value", "131.5"));
        feed();
        ReportResult r = svc.run(Caller.system(), new ReportRequest("counters", null, D1, null, null,
                ReportFilter.none().withEquipment(machineA), null, null, false, null));
        assertEquals(List.of("location", "equipment", "readAt", "mpo_ver", "descaling_count_current_value"),
                r.columns().stream().map(c -> c.key()).toList());
        assertEquals(2.1, r.details().get(0).cell(3));
        assertEquals(120.0, r.details().get(0).cell(4));
        ReportResult later = svc.run(Caller.system(), new ReportRequest("counters", null, D1.plusDays(1), null, null,
                ReportFilter.none().withEquipment(machineA), null, null, false, null));
        assertEquals(131.5, later.details().get(0).cell(4));
    }

    @Test
    void aClientSeesOnlyItsMachinesAndCannotNameAnotherClientsObjects() throws Exception {
        add(new MachineEvent.DrinkMade(0, at(D1, 9, 0), "Espresso", 30));
        feed();
        store.store(machineB, List.of(new MachineEvent.DrinkMade(1, at(D1, 9, 0), "Latte 200", 200)));
        svc.feed().catchUp();
        Caller alpha = new Caller("alpha", EnumSet.of(Role.CLIENT), false, Set.of(clientA));
        ReportRequest byMachine = ReportRequest.of("drinks", D1, D1, ReportFilter.none())
                .withGroupings(Periodicity.WHOLE, false, Grouping.EQUIPMENT, Grouping.PRODUCT);
        ReportResult mine = svc.run(alpha, byMachine);
        assertEquals(List.of("A-1"), mine.details().stream().map(x -> x.cell(0)).toList());
        assertEquals(2, svc.run(Caller.system(), byMachine).details().size());
        assertEquals(List.of("Espresso"), svc.products(alpha));
        assertThrows(NotFoundException.class, () -> svc.run(alpha, ReportRequest.of("drinks", D1, D1,
                ReportFilter.none().withPos(posB))));
        Caller engineer = new Caller("eng", EnumSet.of(Role.ENGINEER), true, Set.of());
        assertThrows(AccessDeniedException.class, () -> svc.definitions(engineer));
    }

    @Test
    void requestsAreCheckedFieldByField() {
        ValidationException to = assertThrows(ValidationException.class,
                () -> svc.run(Caller.system(), ReportRequest.of("drinks", D1, D1.minusDays(1), null)));
        assertEquals("to", to.field());
        ValidationException groupings = assertThrows(ValidationException.class, () -> svc.run(Caller.system(),
                ReportRequest.of("drinks", D1, D1, null).withGroupings(Periodicity.WHOLE, false, Grouping.SENSOR)));
        assertEquals("groupings", groupings.field());
        ValidationException horizontal = assertThrows(ValidationException.class, () -> svc.run(Caller.system(),
                ReportRequest.of("drinks", D1, D1, null).withGroupings(Periodicity.DAY, true, Grouping.PERIOD)));
        assertEquals("horizontal", horizontal.field());
        ValidationException compare = assertThrows(ValidationException.class,
                () -> svc.run(Caller.system(), ReportRequest.of("drinks-comparison", D1, D1, null)));
        assertEquals("compareFrom", compare.field());
        assertThrows(NotFoundException.class, () -> svc.run(Caller.system(), ReportRequest.of("nope", D1, D1, null)));
    }

    @Test
    void comparisonAndHorizontalPeriodsAddUp() throws Exception {
        add(new MachineEvent.DrinkMade(0, at(D1, 9, 0), "Espresso", 30));
        add(new MachineEvent.DrinkMade(0, at(D1, 10, 0), "Espresso", 30));
        add(new MachineEvent.DrinkMade(0, at(D1.plusDays(1), 9, 0), "Espresso", 30));
        add(new MachineEvent.DrinkMade(0, at(D1.plusDays(1), 9, 5), "Latte 200", 200));
        feed();
        ReportResult cmp = svc.run(Caller.system(), ReportRequest.of("drinks-comparison", D1.plusDays(1),
                D1.plusDays(1), null).comparedTo(D1, D1));
        assertEquals(List.of("Espresso", 1L, 2L, -1L, -50.0), cmp.details().get(0).cells());
        assertEquals(Arrays.asList("Latte 200", 1L, 0L, 1L, null), cmp.details().get(1).cells());
        ReportResult h = svc.run(Caller.system(), ReportRequest.of("drinks", D1, D1.plusDays(1), null)
                .withGroupings(Periodicity.DAY, true, Grouping.PRODUCT));
        assertEquals(List.of("product", D1.toString(), D1.plusDays(1).toString(), "total"),
                h.columns().stream().map(c -> c.key()).toList());
        assertEquals(List.of("Espresso", 2L, 1L, 3L), h.details().get(0).cells());
        assertEquals(Arrays.asList("Latte 200", null, 1L, 1L), h.details().get(1).cells());
        assertEquals(List.of("Total", 2L, 2L, 4L), h.totals());
    }

    @Test
    void aJobRunsInTheBackgroundAndCanBeCancelled() throws Exception {
        ReportRequest req = ReportRequest.of("drinks", D1, D1, null);
        ReportJob job = svc.submit(Caller.system(), req);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!svc.job(Caller.system(), job.id()).state().finished() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(ReportJob.State.DONE, svc.job(Caller.system(), job.id()).state());
        assertEquals(svc.run(Caller.system(), req).rows(), svc.result(Caller.system(), job.id()).rows());
        Caller other = new Caller("other", EnumSet.of(Role.MANAGER), true, Set.of());
        assertThrows(NotFoundException.class, () -> svc.job(other, job.id()), "a job is its owner's");

        Jobs jobs = new Jobs(java.util.concurrent.Executors.newSingleThreadExecutor(), Clock.systemUTC(),
                Duration.ofMinutes(1));
        ReportJob endless = jobs.submit(Caller.system(), "drinks", progress -> {
            for (int i = 0;; i++) {
                progress.update(Math.min(0.9, i / 1e6), "working");
            }
        });
        Thread.sleep(50);
        assertTrue(jobs.job(Caller.system(), endless.id()).progress() > 0);
        jobs.cancel(Caller.system(), endless.id());
        deadline = System.currentTimeMillis() + 10_000;
        while (!jobs.job(Caller.system(), endless.id()).state().finished() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(ReportJob.State.CANCELLED, jobs.job(Caller.system(), endless.id()).state());
        assertThrows(org.coffeecontrol.api.ConflictException.class, () -> jobs.result(Caller.system(), endless.id()));
    }

    @Test
    void checklistsWithoutTicketsSayWhy() {
        ReportResult r = svc.run(Caller.system(), ReportRequest.of("checklists", D1, D1, null));
        assertEquals(List.of(ChecklistReport.NO_TICKETS), r.notes());
        assertTrue(r.rows().isEmpty());
    }
}
