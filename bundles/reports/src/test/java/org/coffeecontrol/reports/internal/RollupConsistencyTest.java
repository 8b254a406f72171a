package org.coffeecontrol.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;
import org.coffeecontrol.reports.api.Grouping;
import org.coffeecontrol.reports.api.Periodicity;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two days of four simulated machines (the simulator's own generator) reach the rollups the way production does:
 * first through the listener (one batch delivered twice), then — the reports bundle "stopped" — only into the
 * store, then caught up by a restarted service, then through the listener again. Every rollup must then equal a
 * count over the raw events computed here independently, and the reports built on them must agree.
 */
class RollupConsistencyTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final Instant T0 = Instant.parse("2025-03-10T00:00:00Z");
    static final Instant T1 = T0.plus(Duration.ofDays(2));
    static Store store;
    static Catalog catalog;
    static ReportServiceImpl svc;
    static final Map<Long, List<MachineEvent>> EVENTS = new LinkedHashMap<>();

    @BeforeAll
    static void feed() throws Exception {
        store = new Store();
        catalog = new Catalog();
        FleetModel fleet = FleetModel.generate(new FleetSpec(11, 4, 2, 1));
        long client = catalog.addClient("Sim client");
        Map<String, Long> pos = new HashMap<>();
        for (MachineSpec m : fleet.machines()) {
            long posId = pos.computeIfAbsent(m.posCode(), c -> catalog.addPos(fleet.pos(c).name(), client, null,
                    fleet.pos(c).openingHours(), fleet.pos(c).cleaningTimes()));
            EVENTS.put(catalog.addMachine(m.serial(), posId), fleet.generator(m.serial(), T0).advanceTo(T1));
        }
        // batches of 500 per machine, in time order across machines
        List<Map.Entry<Long, List<MachineEvent>>> batches = new ArrayList<>();
        for (Map.Entry<Long, List<MachineEvent>> e : EVENTS.entrySet()) {
            List<MachineEvent> all = e.getValue();
            for (int i = 0; i < all.size(); i += 500) {
                batches.add(Map.entry(e.getKey(), all.subList(i, Math.min(all.size(), i + 500))));
            }
        }
        batches.sort((a, b) -> a.getValue().get(0).time().compareTo(b.getValue().get(0).time()));
        int third = batches.size() / 3;
        ReportServiceImpl first = service();
        first.feed().catchUp();
        for (int i = 0; i < third; i++) {
            deliver(first, batches.get(i));
            if (i == 5) {
                // the same batch told twice must not count twice
                first.feed().fold(Map.of(batches.get(i).getKey(),
                        batches.get(i).getValue().stream().map(RawEvent::of).toList()));
            }
        }
        first.deactivate();
        for (int i = third; i < 2 * third; i++) {
            store.store(batches.get(i).getKey(), batches.get(i).getValue());
        }
        svc = service();
        svc.feed().catchUp();
        for (int i = 2 * third; i < batches.size(); i++) {
            deliver(svc, batches.get(i));
        }
    }

    static ReportServiceImpl service() {
        return new ReportServiceImpl(store.ds, new JdbcEventLog(store.ds),
                catalog, Settings.defaults(ZONE), Clock.fixed(T1, ZoneOffset.UTC), false);
    }

    /** What core does: commit, then tell the listener. */
    static void deliver(ReportServiceImpl s, Map.Entry<Long, List<MachineEvent>> batch) throws Exception {
        store.store(batch.getKey(), batch.getValue());
        s.feed().fold(Map.of(batch.getKey(), batch.getValue().stream().map(RawEvent::of).toList()));
    }

    /** Raw events counted per "day|machine|name" by kind, straight from cc_event. */
    static Map<String, Long> rawCounts(String kind) {
        Map<String, Long> out = new TreeMap<>();
        for (long eq : EVENTS.keySet()) {
            for (RawEvent e : Events.stored(store, eq)) {
                if (e.kind().equals(kind)) {
                    out.merge(LocalDate.ofInstant(e.time(), ZONE) + "|" + eq + "|" + (e.code() == null ? "" : e.code()),
                            1L, Long::sum);
                }
            }
        }
        return out;
    }

    static Map<String, Long> rollup(String sql) {
        return Events.rollup(store, sql);
    }

    @Test
    void drinksPerDayMachineAndProductEqualTheRawEvents() {
        Map<String, Long> raw = rawCounts("DRINK");
        assertTrue(raw.values().stream().mapToLong(Long::longValue).sum() > 300, "a realistic sample: " + raw.size());
        assertEquals(raw, rollup("SELECT sale_day, equipment_id, product, drinks FROM cc_rep_drink_day"));
    }

    @Test
    void drinksPerMonthEqualTheRawEvents() {
        Map<String, Long> raw = new TreeMap<>();
        rawCounts("DRINK").forEach((k, v) -> {
            String[] p = k.split("\\|");
            raw.merge(LocalDate.parse(p[0]).withDayOfMonth(1) + "|" + p[1] + "|" + p[2], v, Long::sum);
        });
        assertEquals(raw, rollup("SELECT sale_month, equipment_id, product, drinks FROM cc_rep_drink_month"));
    }

    @Test
    void heartbeatsAndSensorReadingsEqualTheRawEvents() {
        assertEquals(rawCounts("HEARTBEAT"), rollup("SELECT beat_day, equipment_id, '', beats FROM cc_rep_beat_day"));
        assertEquals(rawCounts("SENSOR"),
                rollup("SELECT read_day, equipment_id, sensor, readings FROM cc_rep_sensor_day"));
    }

    @Test
    void drinksReportMatchesARawCountPerMachineAndProduct() {
        Map<String, Long> raw = new TreeMap<>();
        rawCounts("DRINK").forEach((k, v) -> {
            String[] p = k.split("\\|");
            String serial = catalog.equipment(Caller.system(), Long.parseLong(p[1])).serialNumber();
            raw.merge(serial + "|" + p[2], v, Long::sum);
        });
        LocalDate from = LocalDate.ofInstant(T0, ZONE);
        ReportResult r = svc.run(Caller.system(), ReportRequest.of("drinks", from, from.plusDays(2), ReportFilter.none())
                .withGroupings(Periodicity.MONTH, false, Grouping.EQUIPMENT, Grouping.PRODUCT, Grouping.PERIOD));
        Map<String, Long> reported = new TreeMap<>();
        for (ReportRow row : r.details()) {
            reported.merge(row.cell(0) + "|" + row.cell(1), (Long) row.cell(3), Long::sum);
        }
        assertEquals(raw, reported);
        assertEquals(raw.values().stream().mapToLong(Long::longValue).sum(), r.totals().get(3));
    }

    @Test
    void connectionReportCountsHeartbeatsAndGapsLikeTheRawEvents() {
        LocalDate day = LocalDate.ofInstant(T0, ZONE).plusDays(1);
        Instant start = day.atStartOfDay(ZONE).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        ReportResult r = svc.run(Caller.system(), ReportRequest.of("connection", day, day, ReportFilter.none())
                .withGroupings(Periodicity.WHOLE, false, Grouping.EQUIPMENT));
        for (ReportRow row : r.details()) {
            long eq = EVENTS.keySet().stream()
                    .filter(id -> catalog.equipment(Caller.system(), id).serialNumber().equals(row.cell(0))).findFirst()
                    .orElseThrow();
            long beats = 0;
            long gaps = 0;
            Instant previous = null;
            for (RawEvent e : Events.stored(store, eq)) {
                if (!e.kind().equals("HEARTBEAT")) {
                    continue;
                }
                if (!e.time().isBefore(start) && e.time().isBefore(end)) {
                    beats++;
                }
                if (previous != null && Duration.between(previous, e.time()).compareTo(Duration.ofMinutes(5)) > 0
                        && e.time().isAfter(start) && previous.isBefore(end)) {
                    gaps++;
                }
                previous = e.time();
            }
            assertEquals(beats, row.cell(1), "heartbeats of " + row.cell(0));
            assertEquals(24L * 60, row.cell(2), "expected heartbeats of " + row.cell(0));
            assertEquals(gaps, row.cell(4), "outages of " + row.cell(0));
        }
    }
}
