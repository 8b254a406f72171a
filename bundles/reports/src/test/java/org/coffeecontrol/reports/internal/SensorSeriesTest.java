package org.coffeecontrol.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.NotFoundException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;
import org.coffeecontrol.reports.api.SensorSeries;
import org.junit.jupiter.api.Test;

/** REP-9's machine chart data: one series per sensor, in time order, the period's readings only, thinned evenly. */
class SensorSeriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void eachSensorsReadingsOfThePeriodInTimeOrder() throws Exception {
        Store store = new Store();
        Catalog catalog = new Catalog();
        long client = catalog.addClient("Fuel Co");
        long other = catalog.addClient("Other Co");
        long machine = catalog.addMachine("WMF-1", catalog.addPos("Station 1", client, null, Map.of(), null));
        long foreign = catalog.addMachine("WMF-9", catalog.addPos("Station 9", other, null, Map.of(), null));
        List<MachineEvent> events = new ArrayList<>();
        long seq = 1;
        for (int i = 0; i < 6 * 24; i++) {
            Instant t = T0.plus(Duration.ofMinutes(10L * i));
            events.add(new MachineEvent.SensorReading(seq++, t, "boiler_temp", 90 + i % 5, "°C"));
            events.add(new MachineEvent.SensorReading(seq++, t, "milk_level", 100 - i * 0.5, "%"));
            events.add(new MachineEvent.Heartbeat(seq++, t));
        }
        store.store(machine, events);
        store.store(foreign, List.of(new MachineEvent.SensorReading(1, T0, "boiler_temp", 50, "°C")));
        ReportServiceImpl svc = new ReportServiceImpl(store.ds, new JdbcEventLog(store.ds),
                catalog, Settings.defaults(ZoneId.of("UTC")),
                Clock.systemUTC(), false);
        try {
            Caller manager = new Caller("m", Set.of(Role.MANAGER), false, Set.of(client));
            // the first 12 hours: readings at 00:00 .. 11:50, the one at 12:00 excluded
            List<SensorSeries> s = svc.sensorSeries(manager, machine, T0, T0.plus(Duration.ofHours(12)), 1000);
            assertEquals(List.of("boiler_temp", "milk_level"), s.stream().map(SensorSeries::sensor).toList());
            SensorSeries boiler = s.get(0);
            assertEquals("°C", boiler.unit());
            assertEquals(72, boiler.times().size());
            assertEquals(T0, boiler.times().get(0));
            assertEquals(T0.plus(Duration.ofMinutes(710)), boiler.times().get(71));
            assertEquals(90.0, boiler.values().get(0));
            assertEquals(94.0, boiler.values().get(4));
            assertEquals(100 - 71 * 0.5, s.get(1).values().get(71));

            List<SensorSeries> thin = svc.sensorSeries(manager, machine, T0, T0.plus(Duration.ofDays(1)), 10);
            SensorSeries milk = thin.get(1);
            assertEquals(10, milk.times().size());
            assertEquals(T0, milk.times().get(0));
            assertEquals(T0.plus(Duration.ofMinutes(10L * 143)), milk.times().get(9), "the last reading is kept");

            assertThrows(NotFoundException.class, () -> svc.sensorSeries(manager, foreign, T0, T0.plusSeconds(60), 10));
            assertThrows(ValidationException.class, () -> svc.sensorSeries(manager, machine, T0, T0, 10));
        } finally {
            svc.deactivate();
        }
    }
}
