package org.coffeecontrol.tickets.internal;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.storage.TestPostgres;

/**
 * The database the storage tests run on. By default a fresh in-memory Derby per fixture; with
 * {@code -Dtickets.test.db=postgresql} (Maven profile {@code postgresql}) a fresh database per fixture in a
 * throwaway PostgreSQL cluster ({@link TestPostgres}, from the api module's test jar: the machine's server binaries,
 * {@code -Dcoffee.test.pgBin=DIR}, {@code -Dcoffee.test.pgPort=N}), removed when the test JVM ends. So the same
 * unit tests prove the schema scripts and every statement on both databases.
 */
final class TestDatabase {

    static final String PROPERTY = "tickets.test.db";
    private static final AtomicInteger COUNT = new AtomicInteger();

    private TestDatabase() {
    }

    static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "derby"));
    }

    /** A new, empty database. */
    static DataSource fresh() {
        if (postgres()) {
            return freshPostgres();
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:tickets" + COUNT.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** A new, empty PostgreSQL database; the calling test is skipped, saying why, on a machine without PostgreSQL. */
    static DataSource freshPostgres() {
        return TestPostgres.freshDatabase("tickets");
    }
}
