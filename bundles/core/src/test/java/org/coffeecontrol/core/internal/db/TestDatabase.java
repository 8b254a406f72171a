package org.coffeecontrol.core.internal.db;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** A real Derby in memory with the real persistence unit and migrations, fresh per test. */
public final class TestDatabase implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final EmbeddedDataSource dataSource;
    public final EntityManagerFactory emf;
    public final CoreDatabase db;

    public TestDatabase() throws Exception {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:coffee" + COUNTER.incrementAndGet());
        dataSource.setCreateDatabase("create");
        emf = Persistence.createEntityManagerFactory("coffee-core",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        db = new CoreDatabase(dataSource, emf);
    }

    @Override
    public void close() {
        emf.close();
    }
}
