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

    /** A resend that fills a gap is a segment inside an earlier one's range: reads still come in sequence order. */
    @Test
    void gapsFilledLaterReadBackInSequenceOrder() throws Exception {
        List<MachineEvent> odd = new ArrayList<>();
        List<MachineEvent> even = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            (i % 2 == 1 ? odd : even).add(new MachineEvent.Heartbeat(i, at(i)));
        }
        store(7, odd);
        store(7, even);
        store(7, List.of(new MachineEvent.Heartbeat(41, at(41))));
        List<Long> all = seqs(read(EventQuery.of(7)));
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 41).boxed().toList(), all);
        assertEquals(List.of(11L, 12L, 13L), seqs(read(EventQuery.of(7).afterSeq(10).limit(3))));
        assertEquals(List.of(41L, 40L, 39L), seqs(log.last(7, 3)));
        assertEquals(3, tdb.count("SELECT COUNT(*) FROM cc_event_segment WHERE equipment_id = 7"),
                "one segment per commit and machine");
    }

    /** Rows of the former one-row-per-event table are read with the segments, merged by sequence number. */
    @Test
    void rowsStoredBeforeSegmentsAreReadWithThem() throws Exception {
        try (java.sql.Connection c = tdb.dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO cc_event (equipment_id, seq, "
                        + "event_time, kind, code, num, unit, received_at) VALUES (7, ?, ?, 'DRINK', 'Latte', 300, "
                        + "'ml', ?)")) {
            for (int seq : new int[] { 1, 2, 5 }) {
                ps.setLong(1, seq);
                ps.setTimestamp(2, java.sql.Timestamp.from(at(seq)));
                ps.setTimestamp(3, java.sql.Timestamp.from(at(seq)));
                ps.executeUpdate();
            }
        }
        List<MachineEvent> rest = List.of(new MachineEvent.Heartbeat(3, at(3)), new MachineEvent.Heartbeat(4, at(4)),
                new MachineEvent.Heartbeat(5, at(5)), new MachineEvent.Heartbeat(6, at(6)));
        try (EventWriter writer = new EventWriter(tdb.dataSource, 1, 10, 500, fresh -> {
        })) {
            EventWriter.Outcome o = writer.submit(7, rest, 5_000).get(30, TimeUnit.SECONDS);
            assertEquals(new EventWriter.Outcome(3, 1), o, "seq 5 was stored as a row already");
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), seqs(read(EventQuery.of(7))));
        assertEquals("DRINK", read(EventQuery.of(7).afterSeq(4).limit(1)).get(0).kind(), "seq 5 is the row");
        assertEquals(List.of(6L, 5L), seqs(log.last(7, 2)));
        assertEquals(List.of(1L, 2L, 5L), seqs(read(EventQuery.of(7).kinds("DRINK").inTimeOrder())));
    }

    /** Long texts overflow one segment's size: the writer splits, nothing is clipped beyond the row store's widths. */
    @Test
    void largeBatchesAreSplitIntoSegmentsThatFitTheColumn() throws Exception {
        List<MachineEvent> errors = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            errors.add(new MachineEvent.ErrorRaised(i, at(i), "E" + i, i + " " + "ошибка ".repeat(80), Severity.WARNING));
        }
        store(7, errors);
        assertTrue(tdb.count("SELECT COUNT(*) FROM cc_event_segment WHERE equipment_id = 7") > 1);
        List<StoredEvent> back = read(EventQuery.of(7));
        assertEquals(200, back.size());
        assertEquals(500, back.get(0).text().length(), "clipped to the 500 characters cc_event kept");
        assertEquals("E200", back.get(199).code());
        assertTrue(back.get(199).text().startsWith("200 ошибка"), back.get(199).text());
    }

    /** Values the compact form encodes specially come back exactly. */
    @Test
    void numbersTimesAndMissingFieldsRoundTrip() throws Exception {
        List<MachineEvent> odd = List.of(
                new MachineEvent.SensorReading(1, T.plusNanos(123_456_789), "t", -0.0, "C"),
                new MachineEvent.SensorReading(2, T.minusSeconds(86_400 * 400), "t", 1e300, null),
                new MachineEvent.SensorReading(3, T, "t", Double.NaN, "C"),
                new MachineEvent.SensorReading(4, T, "t", -42, "C"),
                new MachineEvent.DrinkMade(1_000_000_000_000L, T, "Espresso", null),
                new MachineEvent.CleaningRun(5, T, "full", T.minusSeconds(5), true));
        store(7, odd);
        List<StoredEvent> back = read(EventQuery.of(7));
        assertEquals(T.plusNanos(123_456_789), back.get(0).time());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.get(0).value()));
        assertEquals(1e300, back.get(1).value());
        assertEquals(null, back.get(1).unit());
        assertEquals(null, back.get(2).value(), "NaN is stored as no value, as the row store did");
        assertEquals(-42.0, back.get(3).value());
        assertEquals(T.minusSeconds(5), back.get(4).end());
        assertEquals(new StoredEvent(7, 1_000_000_000_000L, T, "DRINK", "Espresso", null, null, null, null, null,
                back.get(5).receivedAt()), back.get(5));
    }
}
