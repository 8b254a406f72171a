package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.api.telemetry.MachineContact;
import org.coffeecontrol.api.telemetry.StoredEvent;
import org.coffeecontrol.core.internal.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events stored by core's writer read back through the log, on a real Derby. */
class JdbcEventLogTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    private TestDatabase tdb;
    private JdbcEventLog log;

    @BeforeEach
    void setUp() throws Exception {
        tdb = new TestDatabase();
        log = new JdbcEventLog(tdb.db);
    }

    @AfterEach
    void tearDown() {
        tdb.close();
    }

    private static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    /** One event of every kind, as drivers decode them. */
    private static final List<MachineEvent> EVERY_KIND = List.of(
            new MachineEvent.DrinkMade(1, at(1), "Americano 200", 200),
            new MachineEvent.SensorReading(2, at(2), "boiler_temp", 92.5, "C"),
            new MachineEvent.ErrorRaised(3, at(3), "E12", "grinder blocked", Severity.CRITICAL),
            new MachineEvent.ErrorCleared(4, at(4), "E12"),
            new MachineEvent.CleaningRun(5, at(5), "rinse", at(6), false),
            new MachineEvent.CounterReading(6, at(7), "mpo_ver", "3.2"),
            new MachineEvent.Heartbeat(7, at(8)),
            new MachineEvent.Notice(8, at(9), "rinse", "postponed"),
            new MachineEvent.SensorReading(9, at(0), "boiler_temp", 90.0, "C"));

    private void store(long equipmentId, List<MachineEvent> events) throws Exception {
        try (EventWriter writer = new EventWriter(tdb.dataSource, 1, 10, 500, fresh -> {
        })) {
            writer.submit(equipmentId, events, 5_000).get(30, TimeUnit.SECONDS);
        }
    }

    private List<StoredEvent> read(EventQuery q) {
        List<StoredEvent> out = new ArrayList<>();
        assertEquals(log.read(q, out::add), out.size());
        return out;
    }

    private static List<Long> seqs(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::seq).toList();
    }

    @Test
    void everyKindReadsBackAsTheEventThatWasStored() throws Exception {
        store(7, EVERY_KIND);
        List<Optional<MachineEvent>> back = read(EventQuery.of(7)).stream().map(StoredEvent::machineEvent).toList();
        assertEquals(EVERY_KIND.stream().map(Optional::of).toList(), back);
    }

    @Test
    void contactsTellEachMachinesNewestSequence() throws Exception {
        store(7, EVERY_KIND);
        store(8, List.of(new MachineEvent.Heartbeat(41, at(3)), new MachineEvent.Heartbeat(42, at(4))));
        Map<Long, MachineContact> contacts = new java.util.HashMap<>();
        log.contacts().forEach(c -> contacts.put(c.equipmentId(), c));
        assertEquals(9, contacts.get(7L).lastSeq());
        assertEquals(42, contacts.get(8L).lastSeq());
        assertEquals(at(4), contacts.get(8L).lastEventTime());
        assertTrue(contacts.get(8L).lastSeen() != null);
    }

    @Test
    void queriesSelectBySequenceTimeAndKindInTheAskedOrder() throws Exception {
        store(7, EVERY_KIND);
        store(8, List.of(new MachineEvent.Heartbeat(3, at(3))));

        assertEquals(List.of(4L, 5L, 6L), seqs(read(EventQuery.of(7).afterSeq(3).upToSeq(6))));
        assertEquals(List.of(3L, 4L), seqs(read(EventQuery.of(7).afterSeq(2).limit(2))));
        assertEquals(List.of(2L, 3L), seqs(read(EventQuery.of(7).between(at(2), at(4)))));
        assertEquals(List.of(2L, 9L), seqs(read(EventQuery.of(7).kinds("SENSOR"))));
        assertEquals(List.of(9L, 2L), seqs(read(EventQuery.of(7).kinds("SENSOR").inTimeOrder())));
        assertEquals(List.of(1L, 7L), seqs(read(EventQuery.of(7).kinds("DRINK", "HEARTBEAT"))));
        assertEquals(List.of(3L), seqs(read(EventQuery.of(8))), "only the asked machine's events");
        assertEquals(List.of(), read(EventQuery.of(9)));
    }

    @Test
    void storedColumnsArePassedAsTheyAre() throws Exception {
        store(7, EVERY_KIND);
        StoredEvent drink = read(EventQuery.of(7).kinds("DRINK")).get(0);
        assertEquals(new StoredEvent(7, 1, at(1), "DRINK", "Americano 200", null, 200.0, "ml", null, null,
                drink.receivedAt()), drink);
    }
}
