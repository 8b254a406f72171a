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

    /** The first column of the first row of a query, e.g. a count. */
    public long count(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}
