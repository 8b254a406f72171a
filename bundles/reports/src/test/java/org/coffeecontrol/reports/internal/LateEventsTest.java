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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;
import org.coffeecontrol.simulator.model.FleetModel;
import org.coffeecontrol.simulator.model.FleetSpec;
import org.coffeecontrol.simulator.model.MachineSpec;
import org.junit.jupiter.api.Test;

/**
 * Batches that reach core out of order — an older batch resent after a newer one was stored, so its sequence
 * numbers lie below the rollups' watermark — must still count, exactly once, whether the listener tells them once,
 * twice, or after a catch-up already read past them. The rollups are compared with counts over the raw events.
 */
class LateEventsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final Instant T0 = Instant.parse("2025-03-10T00:00:00Z");

    @Test
    void rollupsEqualTheRawEventsAfterOutOfOrderBatches() throws Exception {
        Store store = new Store();
        Catalog catalog = new Catalog();
        FleetModel fleet = FleetModel.generate(new FleetSpec(5, 2, 1, 1), 2.0);
        long pos = catalog.addPos("Shop", catalog.addClient("Client"), null, fleet.pointsOfSale().get(0).openingHours(),
                fleet.pointsOfSale().get(0).cleaningTimes());
        ReportServiceImpl svc = new ReportServiceImpl(store.ds, new JdbcEventLog(store.ds),
                catalog, Settings.defaults(ZONE),
                Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC), false);
        List<Long> machines = new ArrayList<>();
        for (MachineSpec m : fleet.machines()) {
            long eq = catalog.addMachine(m.serial(), pos);
            machines.add(eq);
            List<MachineEvent> all = fleet.generator(m.serial(), T0).advanceTo(T0.plus(Duration.ofDays(2)));
            List<List<MachineEvent>> batches = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 400) {
                batches.add(all.subList(i, Math.min(all.size(), i + 400)));
            }
            assertTrue(batches.size() > 8, "enough batches: " + batches.size());
            // in pairs, the newer batch first: every second batch arrives below the watermark
            for (int i = 0; i + 1 < batches.size(); i += 2) {
                if (i == 4) {
                    // a catch-up reads the newer batch before the listener's copy of it is folded
                    store.store(eq, batches.get(i + 1));
                    svc.feed().catchUp();
                    svc.feed().fold(Map.of(eq, raw(batches.get(i + 1))));
                } else {
                    deliver(svc, store, eq, batches.get(i + 1));
                }
                deliver(svc, store, eq, batches.get(i));
                if (i == 2) {
                    // a late batch told twice
                    svc.feed().fold(Map.of(eq, raw(batches.get(i))));
                }
            }
            if (batches.size() % 2 == 1) {
                deliver(svc, store, eq, batches.get(batches.size() - 1));
            }
        }
        svc.feed().catchUp();

        Map<String, Long> drinks = raw(store, machines, "DRINK");
        assertTrue(drinks.values().stream().mapToLong(Long::longValue).sum() > 200, "a realistic sample");
        assertEquals(drinks, Events.rollup(store, "SELECT sale_day, equipment_id, product, drinks FROM cc_rep_drink_day"));
        Map<String, Long> months = new TreeMap<>();
        drinks.forEach((k, v) -> months.merge(LocalDate.parse(k.substring(0, 10)).withDayOfMonth(1) + k.substring(10), v,
                Long::sum));
        assertEquals(months, Events.rollup(store, "SELECT sale_month, equipment_id, product, drinks FROM cc_rep_drink_month"));
        assertEquals(raw(store, machines, "HEARTBEAT"),
                Events.rollup(store, "SELECT beat_day, equipment_id, '', beats FROM cc_rep_beat_day"));
        assertEquals(raw(store, machines, "SENSOR"),
                Events.rollup(store, "SELECT read_day, equipment_id, sensor, readings FROM cc_rep_sensor_day"));
        assertEquals(raw(store, machines, "CLEANING").values().stream().mapToLong(Long::longValue).sum(),
                Events.rollup(store, "SELECT CURRENT_DATE, equipment_id, program, COUNT(*) FROM cc_rep_cleaning "
                        + "GROUP BY equipment_id, program").values().stream().mapToLong(Long::longValue).sum());
        svc.deactivate();
    }

    /** What core does: commit the new events, then tell the listener. */
    private static void deliver(ReportServiceImpl svc, Store store, long eq, List<MachineEvent> batch) throws Exception {
        store.store(eq, batch);
        svc.feed().fold(Map.of(eq, raw(batch)));
    }

    private static List<RawEvent> raw(List<MachineEvent> events) {
        return events.stream().map(RawEvent::of).toList();
    }

    private static Map<String, Long> raw(Store store, List<Long> machines, String kind) {
        Map<String, Long> out = new TreeMap<>();
        for (long eq : machines) {
            for (RawEvent e : Events.stored(store, eq)) {
                if (e.kind().equals(kind)) {
                    out.merge(LocalDate.ofInstant(e.time(), ZONE) + "|" + eq + "|" + (e.code() == null ? "" : e.code()),
                            1L, Long::sum);
                }
            }
        }
        return out;
    }
}
