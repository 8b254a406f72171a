package org.coffeecontrol.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;
import org.coffeecontrol.reports.api.ReportFilter;
import org.coffeecontrol.reports.api.ReportRequest;
import org.coffeecontrol.reports.api.ReportResult;
import org.coffeecontrol.reports.api.ReportRow;
import org.junit.jupiter.api.Test;

/**
 * The manual's reference day (DOMAIN.md, REP-1): one point of sale with three machines on 12.02.2026 sold
 * Americano 200 = 20, hot water 6, double espresso 4, cappuccino 13, latte 5, moccaccino 1, milk 2, flat white 2,
 * chocolate 1, chocolate with milk 1, espresso 3 — 58 in all. Seeded as events around other days and another
 * shop, the drinks report reproduces exactly those figures, whether the rollups were fed by the listener or caught
 * up from the stored events.
 */
class SampleDayTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final LocalDate DAY = LocalDate.of(2026, 2, 12);
    static final Map<String, Integer> MANUAL = new LinkedHashMap<>();

    static {
        MANUAL.put("Americano 200", 20);
        MANUAL.put("Hot water 200", 6);
        MANUAL.put("Double espresso", 4);
        MANUAL.put("Cappuccino 200", 13);
        MANUAL.put("Latte 200", 5);
        MANUAL.put("Moccaccino 200", 1);
        MANUAL.put("Milk 50", 2);
        MANUAL.put("Flat white 200", 2);
        MANUAL.put("Chocolate", 1);
        MANUAL.put("Chocolate with milk", 1);
        MANUAL.put("Espresso", 3);
    }

    record Fleet(Store store, Catalog catalog, long pos, List<Long> machines, long otherMachine) {
    }

    /** The day's drinks spread over three machines from 06:00 to 23:40 local, plus noise on either side. */
    static Fleet seed() throws Exception {
        Store store = new Store();
        Catalog catalog = new Catalog();
        long client = catalog.addClient("Fuel Co");
        long pos = catalog.addPos("Station 12", client, null, Map.of(), "06:30,22:30");
        List<Long> machines = List.of(catalog.addMachine("WMF-1", pos), catalog.addMachine("WMF-2", pos),
                catalog.addMachine("BW-3", pos));
        long other = catalog.addMachine("DC-9", catalog.addPos("Station 99", client, null, Map.of(), null));
        Map<Long, List<MachineEvent>> events = new LinkedHashMap<>();
        machines.forEach(m -> events.put(m, new ArrayList<>()));
        events.put(other, new ArrayList<>());
        Instant start = DAY.atTime(6, 0).atZone(ZONE).toInstant();
        int i = 0;
        for (Map.Entry<String, Integer> p : MANUAL.entrySet()) {
            for (int n = 0; n < p.getValue(); n++, i++) {
                long m = machines.get(i % 3);
                List<MachineEvent> list = events.get(m);
                list.add(new MachineEvent.DrinkMade(list.size() + 1, start.plusSeconds(i * 1100L), p.getKey(), 200));
            }
        }
        // just before and just after the local day, and the same day at another shop: none of it counts
        for (long m : machines) {
            List<MachineEvent> list = events.get(m);
            list.add(0, new MachineEvent.DrinkMade(0, DAY.atStartOfDay(ZONE).minusSeconds(1).toInstant(), "Espresso", 30));
            list.add(new MachineEvent.DrinkMade(1000, DAY.plusDays(1).atStartOfDay(ZONE).toInstant(), "Americano 200", 200));
        }
        events.get(other).add(new MachineEvent.DrinkMade(1, start, "Americano 200", 200));
        for (Map.Entry<Long, List<MachineEvent>> e : events.entrySet()) {
            store.store(e.getKey(), e.getValue());
        }
        return new Fleet(store, catalog, pos, machines, other);
    }

    static ReportServiceImpl service(Fleet f) {
        return new ReportServiceImpl(f.store().ds, new JdbcEventLog(f.store().ds),
                f.catalog(), Settings.defaults(ZONE), Clock.systemUTC(), false);
    }

    static Map<String, Long> byProduct(ReportResult r) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ReportRow row : r.details()) {
            out.put((String) row.cell(0), (Long) row.cell(1));
        }
        return out;
    }

    static Map<String, Long> manual() {
        Map<String, Long> out = new LinkedHashMap<>();
        MANUAL.forEach((k, v) -> out.put(k, v.longValue()));
        return out;
    }

    @Test
    void caughtUpFromStoredEventsTheDayMatchesTheManual() throws Exception {
        Fleet f = seed();
        ReportServiceImpl svc = service(f);
        try {
            svc.feed().catchUp();
            ReportResult r = svc.run(Caller.system(), ReportRequest.of("drinks", DAY, DAY, ReportFilter.none().withPos(f.pos())));
            assertEquals(manual(), byProduct(r));
            assertEquals(List.of("Total", 58L), r.totals());
        } finally {
            svc.deactivate();
        }
    }

    @Test
    void fedByTheListenerTheDayMatchesTheManual() throws Exception {
        Store empty = new Store();
        Fleet f = seed();
        // the service starts on an empty store, then every event arrives through the listener
        ReportServiceImpl svc = new ReportServiceImpl(empty.ds, new JdbcEventLog(empty.ds),
                f.catalog(), Settings.defaults(ZONE),
                Clock.systemUTC(), false);
        try {
            svc.feed().catchUp();
            Map<Long, List<RawEvent>> batch = new LinkedHashMap<>();
            for (long m : f.machines()) {
                batch.put(m, Events.stored(f.store(), m));
                // core commits a batch before it tells the listeners
                empty.storeRaw(m, batch.get(m));
            }
            svc.feed().fold(batch);
            svc.feed().fold(batch); // a repeated delivery changes nothing
            ReportResult r = svc.run(Caller.system(), ReportRequest.of("drinks", DAY, DAY, ReportFilter.none().withPos(f.pos())));
            assertEquals(manual(), byProduct(r));
            assertEquals(58L, r.totals().get(1));
        } finally {
            svc.deactivate();
        }
    }
}
