package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.coffeecontrol.api.driver.MachineEvent;
import org.coffeecontrol.api.driver.Severity;
import org.coffeecontrol.api.storage.TestPostgres;
import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.api.telemetry.StoredEvent;
import org.coffeecontrol.core.internal.db.CoreDatabase;
import org.junit.jupiter.api.Test;

/**
 * Core's event store on a real PostgreSQL (skipped, saying so, on a machine without the server binaries): the
 * schema scripts apply with BYTEA segments, the writer stores and deduplicates, and the log reads segments and rows
 * of the former table merged, in both orders.
 */
class PostgresEventStoreTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void segmentsAndRowsAreStoredAndReadBackOnPostgres() throws Exception {
        DataSource ds = TestPostgres.freshDatabase("core");
        assertEquals(CoreDatabase.SCRIPTS.size(), CoreDatabase.migrations().migrate(ds));
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO cc_event (equipment_id, seq, event_time, kind, "
                        + "code, num, unit, received_at) VALUES (7, 2, ?, 'DRINK', 'Латте', 300, 'ml', ?)")) {
            ps.setTimestamp(1, Timestamp.from(T.plusSeconds(2)));
            ps.setTimestamp(2, Timestamp.from(T));
            ps.executeUpdate();
        }
        List<MachineEvent> odd = new ArrayList<>();
        List<MachineEvent> even = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            MachineEvent e = i % 3 == 0
                    ? new MachineEvent.ErrorRaised(i, T.plusSeconds(i), "E" + i, i + " ошибка ".repeat(70),
                            Severity.CRITICAL)
                    : new MachineEvent.SensorReading(i, T.plusSeconds(i), "boiler_temp", 90 + i / 10.0, "C");
            (i % 2 == 1 ? odd : even).add(e);
        }
        try (EventWriter writer = new EventWriter(ds, 1, 10, 5_000, fresh -> {
        })) {
            assertEquals(new EventWriter.Outcome(150, 0), writer.submit(7, odd, 5_000).get(30, TimeUnit.SECONDS));
            assertEquals(new EventWriter.Outcome(149, 1), writer.submit(7, even, 5_000).get(30, TimeUnit.SECONDS),
                    "seq 2 was stored as a row already");
            assertEquals(new EventWriter.Outcome(0, 150), writer.submit(7, odd, 5_000).get(30, TimeUnit.SECONDS),
                    "a resend stores nothing twice");
        }
        JdbcEventLog log = new JdbcEventLog(ds);
        List<StoredEvent> all = new ArrayList<>();
        log.read(EventQuery.of(7), all::add);
        assertEquals(LongStream.rangeClosed(1, 300).boxed().toList(), all.stream().map(StoredEvent::seq).toList());
        assertEquals("Латте", all.get(1).code());
        assertEquals(500, all.get(2).text().length());
        assertTrue(all.get(2).text().startsWith("3 ошибка"));
        assertEquals(90.1, all.get(0).value());

        List<Long> sensors = new ArrayList<>();
        log.read(EventQuery.of(7).kinds("SENSOR").between(T.plusSeconds(10), T.plusSeconds(20)).inTimeOrder(),
                e -> sensors.add(e.seq()));
        assertEquals(List.of(10L, 11L, 13L, 14L, 16L, 17L, 19L), sensors);
        assertEquals(List.of(300L, 299L), log.last(7, 2).stream().map(StoredEvent::seq).toList());
    }
}
