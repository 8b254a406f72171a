package org.coffeecontrol.core.internal.db;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;
import javax.sql.DataSource;

import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.storage.SchemaMigrations;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The core's database: the DataSource (for JDBC paths such as telemetry), the JPA unit (for catalogues) and
 * transaction scoping that turns constraint violations into {@link ConflictException}s. Schema migrations have
 * run once an instance exists.
 */
@Component(service = CoreDatabase.class)
public class CoreDatabase {

    /** Core's version table; the feature bundles keep their own. */
    public static final String VERSION_TABLE = "cc_schema_version";

    public static final List<Script> SCRIPTS = List.of(
            new Script(1, "catalogues and users", "db/V001__catalogues_and_users.sql"),
            new Script(2, "telemetry", "db/V002__telemetry.sql"),
            new Script(3, "time zone of a point of sale", "db/V003__pos_time_zone.sql"),
            new Script(4, "event segments", "db/V004__event_segments.sql"));

    /** Derby's lock wait time-out and deadlock, and the standard serialization failure. */
    private static final java.util.Set<String> LOCK_FAILURES = java.util.Set.of("40XL1", "40XL2", "40001");

    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final int schemaVersion;

    @Activate
    public CoreDatabase(@Reference(target = "(dataSourceName=coffee)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=coffee-core)") EntityManagerFactory emf) throws SQLException {
        this.dataSource = dataSource;
        this.emf = emf;
        this.schemaVersion = migrations().migrate(dataSource);
    }

    public static SchemaMigrations migrations() {
        // Released V002 sized the dead letters' payload at 2 MB on Derby; new databases must match upgraded ones.
        return SchemaMigrations.forTable(VERSION_TABLE, CoreDatabase.class.getClassLoader()).scripts(SCRIPTS)
                .placeholder("BLOB", "BLOB(2M)", "BYTEA")
                .placeholder("SEGMENT", "VARCHAR(32672) FOR BIT DATA", "BYTEA");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Runs {@code work} in one transaction; anything thrown rolls it back so nothing half-written stays. */
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction t = em.getTransaction();
        try {
            t.begin();
            T result = work.apply(em);
            t.commit();
            return result;
        } catch (CoffeeException e) {
            throw e;
        } catch (OptimisticLockException e) {
            throw new ConflictException("the object was changed by someone else meanwhile; reload and retry");
        } catch (RollbackException e) {
            throw translate(e);
        } catch (PersistenceException e) {
            throw translate(e);
        } finally {
            if (t.isActive()) {
                t.rollback();
            }
            em.close();
        }
    }

    public void txRun(Consumer<EntityManager> work) {
        tx(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Read-only work: no transaction needed for consistent single queries, but the EM must be closed. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private static RuntimeException translate(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return new ConflictException("the object was changed by someone else meanwhile; reload and retry");
            }
            if (t instanceof SQLException sql && LOCK_FAILURES.contains(sql.getSQLState())) {
                // Another transaction held the rows past Derby's lock wait (or a deadlock was broken): the change
                // was rolled back whole and can simply be sent again; it is no server fault.
                return new ConflictException("the database was busy with another change (lock time-out); retry");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return new ConflictException(describeConstraint(sql.getMessage()));
            }
        }
        return e;
    }

    private static String describeConstraint(String message) {
        String m = message == null ? "" : message.toUpperCase(java.util.Locale.ROOT);
        if (m.contains("UQ_")) {
            int i = m.indexOf("UQ_");
            int end = i;
            while (end < m.length() && (Character.isLetterOrDigit(m.charAt(end)) || m.charAt(end) == '_')) {
                end++;
            }
            return "duplicate value violates " + m.substring(i, end).toLowerCase(java.util.Locale.ROOT);
        }
        if (m.contains("FOREIGN KEY") || m.contains("FK")) {
            return "the object is still referenced by other objects";
        }
        return "the change conflicts with existing data";
    }
}
