package org.coffeecontrol.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;

import org.coffeecontrol.api.ConflictException;
import org.junit.jupiter.api.Test;

class CoreDatabaseTest {

    /** A write that waits past the lock time-out on rows another transaction holds is a retryable 409, not a 500. */
    @Test
    void aLockTimeOutIsAConflictToRetry() throws Exception {
        try (TestDatabase tdb = new TestDatabase(); Connection holder = tdb.dataSource.getConnection()) {
            try (Statement s = holder.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
                s.execute("INSERT INTO cc_region (name, code, version) VALUES ('North', 'N', 0)");
            }
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("UPDATE cc_region SET code = 'N1' WHERE name = 'North'");
            }
            ConflictException e = assertThrows(ConflictException.class, () -> tdb.db.txRun(em -> em
                    .createNativeQuery("UPDATE cc_region SET code = 'N2' WHERE name = 'North'").executeUpdate()));
            assertTrue(e.getMessage().contains("retry"), e.getMessage());
            holder.rollback();
        }
    }
}
