package org.coffeecontrol.remote.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.driver.Capability;
import org.coffeecontrol.api.driver.MachineDriver;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.remote.api.Outcome;
import org.coffeecontrol.remote.api.SqlLogEntry;
import org.coffeecontrol.remote.api.SqlResult;
import org.coffeecontrol.remote.api.StoredQuery;
import org.coffeecontrol.remote.internal.Fixtures;
import org.coffeecontrol.remote.internal.Harness;
import org.coffeecontrol.remote.internal.transport.TestSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineSqlServiceImplTest {

    @TempDir
    Path dir;

    private Harness h;
    private MachineSqlServiceImpl sql;
    private final Caller support = Fixtures.caller("tom", Role.TECH_SUPPORT, 1, 2);
    private final Caller operator = Fixtures.caller("olga", Role.OPERATOR, 1, 2);

    @BeforeEach
    void start() throws Exception {
        h = new Harness(dir, Map.of("sqlMaxRows", 3));
        h.answers = line -> {
            if (line.startsWith("sql 'SELECT")) {
                return new TestSshServer.Answer(0, "ID\tPRODUCT\n1\tA\n2\tB\n3\tC\n4\tD\n(4 rows)\n");
            }
            if (line.startsWith("sql 'UPDATE")) {
                return new TestSshServer.Answer(0, "2 rows affected\n");
            }
            return new TestSshServer.Answer(1, "");
        };
        sql = new MachineSqlServiceImpl(h.gateway, h.database);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void queryIsSentQuotedParsedLimitedAndLogged() throws Exception {
        SqlResult r = sql.execute(support, "M1", "SELECT * FROM recipes WHERE product = 'A'", 0).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("sql 'SELECT * FROM recipes WHERE product = '\\''A'\\'''"), h.server.received);
        assertEquals(Outcome.OK, r.outcome());
        assertEquals(List.of("ID", "PRODUCT"), r.columns());
        assertEquals(3, r.rows().size(), "configured maximum");
        assertTrue(r.truncated());
        SqlLogEntry log = sql.log(support, "M1", PageRequest.first(5)).items().get(0);
        assertEquals("tom", log.username());
        assertEquals(3, log.rowCount());
        assertEquals(r.logId(), log.id());
        assertEquals(2, sql.execute(support, "M1", "SELECT 1", 2).get(10, TimeUnit.SECONDS).rows().size());
        assertEquals(2, sql.execute(support, "M1", "UPDATE recipes SET price = 1", 0).get(10, TimeUnit.SECONDS)
                .rowsAffected());
    }

    @Test
    void machineErrorIsAFailedResultWithItsMessage() throws Exception {
        h.answers = line -> new TestSshServer.Answer(1, "SQL error: Table 'NOPE' does not exist.\n");
        SqlResult r = sql.execute(support, "M1", "SELECT * FROM nope", 0).get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.FAILED, r.outcome());
        assertTrue(r.message().contains("does not exist"));
        assertEquals(Outcome.FAILED, sql.log(support, "M1", PageRequest.first(1)).items().get(0).outcome());
    }

    @Test
    void onlyTechSupportAndRefusedStatementsAreLogged() {
        assertThrows(AccessDeniedException.class, () -> sql.execute(operator, "M1", "SELECT 1", 0));
        assertThrows(AccessDeniedException.class, () -> sql.queries(operator));
        ValidationException e = assertThrows(ValidationException.class,
                () -> sql.execute(support, "M1", "DROP TABLE recipes", 0));
        assertEquals("sql", e.field());
        assertTrue(h.server.received.isEmpty());
        SqlLogEntry log = sql.log(support, "M1", PageRequest.first(1)).items().get(0);
        assertEquals(Outcome.REFUSED, log.outcome());
        assertEquals("DROP TABLE recipes", log.sql());
    }

    @Test
    void familyWithoutSqlIsNotConfigured() throws Exception {
        h.gateway.bindDriver(new Fixtures.TestDriver(Set.of(Capability.COMMANDS)),
                Map.of(MachineDriver.FAMILY_PROPERTY, "test"));
        SqlResult r = sql.execute(support, "M1", "SELECT 1", 0).get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.NOT_CONFIGURED, r.outcome());
        assertTrue(h.server.received.isEmpty());
    }

    @Test
    void storedQueriesCrudAndRun() throws Exception {
        StoredQuery q = sql.saveQuery(support, new StoredQuery(null, "Recipes", "all recipes", "SELECT * FROM recipes;", null, 0));
        assertEquals("SELECT * FROM recipes", q.sql());
        assertEquals("tom", q.createdBy());
        assertThrows(ConflictException.class,
                () -> sql.saveQuery(support, new StoredQuery(null, "Recipes", null, "SELECT 1", null, 0)));
        assertThrows(ValidationException.class,
                () -> sql.saveQuery(support, new StoredQuery(null, "Bad", null, "DROP TABLE x", null, 0)));
        StoredQuery renamed = sql.saveQuery(support, new StoredQuery(q.id(), "All recipes", null, q.sql(), null, q.version()));
        assertEquals(1, renamed.version());
        assertThrows(ConflictException.class, () -> sql.saveQuery(support,
                new StoredQuery(q.id(), "Stale", null, q.sql(), null, q.version())));
        SqlResult r = sql.executeStored(support, "M2", q.id(), 0).get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.OK, r.outcome());
        assertEquals(q.id(), sql.log(support, "M2", PageRequest.first(1)).items().get(0).storedQueryId());
        sql.deleteQuery(support, q.id());
        assertTrue(sql.queries(support).isEmpty());
    }
}
