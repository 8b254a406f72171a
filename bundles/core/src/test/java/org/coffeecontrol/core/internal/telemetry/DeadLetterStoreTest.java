package org.coffeecontrol.core.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.telemetry.IngestResult;
import org.coffeecontrol.core.internal.db.TestDatabase;
import org.junit.jupiter.api.Test;

class DeadLetterStoreTest {

    /** Found by the ingest fuzz: concurrent first inserts fought over the identity column and one gave up. */
    @Test
    void keepsEveryPayloadWhenManyArriveAtOnce() throws Exception {
        try (TestDatabase t = new TestDatabase()) {
            DeadLetterStore store = new DeadLetterStore(t.dataSource);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    ids.add(store.keep("wmf", "SN" + n, null, "text/plain", IngestResult.Status.UNKNOWN_MACHINE,
                            "unknown", new byte[] { (byte) n }));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertEquals(3_000, ids.size());
            assertEquals(3_000, store.list(null, null, new PageRequest(0, 1)).total());
        }
    }

    @Test
    void retriesLockTimeoutsAndDeadlocksButNothingElse() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        long id = DeadLetterStore.retryingLockConflicts(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new SQLException("A lock could not be obtained within the time requested", "40XL1");
            }
            if (calls.get() == 2) {
                throw new SQLException("deadlock", "40001");
            }
            return 42L;
        });
        assertEquals(42L, id);
        assertEquals(3, calls.get());

        AtomicInteger constraint = new AtomicInteger();
        SQLException e = assertThrows(SQLException.class, () -> DeadLetterStore.retryingLockConflicts(() -> {
            constraint.incrementAndGet();
            throw new SQLException("check constraint", "23513");
        }));
        assertEquals("23513", e.getSQLState());
        assertEquals(1, constraint.get());

        AtomicInteger stuck = new AtomicInteger();
        assertThrows(SQLException.class, () -> DeadLetterStore.retryingLockConflicts(() -> {
            stuck.incrementAndGet();
            throw new SQLException("lock", "40XL1");
        }));
        assertEquals(5, stuck.get(), "gives up after five attempts");
    }
}
