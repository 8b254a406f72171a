package org.coffeecontrol.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;

/**
 * A small fleet on a real Derby: client 1 (POS 10, open 08:00-20:00, machines 100 and 101) and client 2 (POS 20,
 * always open, machine 200). Monday 2 March 2026, UTC.
 */
final class Fixture implements AutoCloseable {

    static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    static final Settings SETTINGS = new Settings(Duration.ofMinutes(3), Map.of("premium", Duration.ofMinutes(2)),
            Duration.ofSeconds(30), ZoneOffset.UTC, Duration.ofSeconds(15), Duration.ofSeconds(60));

    /** 08:00-20:00 every day. */
    static final Map<String, String> DAYTIME = Map.of("MON", "08:00-20:00", "TUE", "08:00-20:00", "WED",
            "08:00-20:00", "THU", "08:00-20:00", "FRI", "08:00-20:00", "SAT", "08:00-20:00", "SUN", "08:00-20:00");

    final TestDb db;
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final InMemoryUsers users = new InMemoryUsers();
    final MutableClock clock;
    final Caller operator;
    final Caller alpha;
    final Caller beta;
    MonitoringServiceImpl service;
    private long seq;

    Fixture(Instant start) throws Exception {
        this(new TestDb(), start);
    }

    Fixture(TestDb db, Instant start) throws Exception {
        this.db = db;
        this.clock = new MutableClock(start);
        catalog.addClient(1, "Alpha");
        catalog.addClient(2, "Beta");
        catalog.addPos(10, 1, "Alpha Station", DAYTIME, "Standard");
        catalog.addPos(20, 2, "Beta Station", Map.of(), null);
        catalog.addMachine(100, "S100", 10L);
        catalog.addMachine(101, "S101", 10L);
        catalog.addMachine(200, "S200", 20L);
        operator = users.add("op", "op@example.test", EnumSet.of(Role.OPERATOR), true, Set.of());
        alpha = users.add("alpha", "alpha@example.test", EnumSet.of(Role.CLIENT), false, Set.of(1L));
        beta = users.add("beta", "beta@example.test", EnumSet.of(Role.CLIENT), false, Set.of(2L));
        restart();
    }

    /** A fresh service on the same database, as after a platform restart. */
    void restart() throws Exception {
        service = new MonitoringServiceImpl(db.dataSource, new JdbcEventLog(db.dataSource), catalog, users, SETTINGS,
                clock);
        service.engine().start();
    }

    Engine engine() {
        return service.engine();
    }

    long nextSeq() {
        return ++seq;
    }

    void seq(long value) {
        seq = value;
    }

    void send(long equipmentId, MachineEvent... events) {
        engine().apply(Map.of(equipmentId, List.of(events)));
    }

    void heartbeat(long equipmentId) {
        send(equipmentId, new MachineEvent.Heartbeat(nextSeq(), clock.instant()));
    }

    void at(String isoInstant) {
        clock.set(Instant.parse(isoInstant));
    }

    void sweepAt(String isoInstant) {
        at(isoInstant);
        engine().sweep();
    }

    @Override
    public void close() {
    }
}
