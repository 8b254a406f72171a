package org.coffeecontrol.remote.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.coffeecontrol.api.storage.SchemaMigrations;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;
import org.coffeecontrol.remote.internal.Fixtures;
import org.junit.jupiter.api.Test;

class RemoteSchemaTest {

    private static final List<String> TABLES = List.of("CC_REMOTE_CREDENTIALS", "CC_REMOTE_HOST_KEY",
            "CC_REMOTE_COMMAND_RUN", "CC_REMOTE_STORED_QUERY", "CC_REMOTE_SQL_LOG", "CC_REMOTE_RECIPE_CARD",
            "CC_REMOTE_RECIPE_CARD_ENTRY", "CC_REMOTE_SCREEN", "CC_REMOTE_DEFERRED_SQL", "CC_REMOTE_PROMO_CAMPAIGN",
            "CC_REMOTE_PROMO_DELIVERY");

    @Test
    void freshDatabaseGetsEveryTableAtVersionOneOnce() throws SQLException {
        DataSource ds = Fixtures.derby();
        assertEquals(1, RemoteSchema.ensure(ds));
        assertEquals(1, RemoteSchema.ensure(ds), "a second start applies nothing");
        try (Connection c = ds.getConnection()) {
            for (String t : TABLES) {
                assertTrue(SchemaMigrations.tableExists(c, t), t);
            }
            assertEquals(List.of("1 remote"), versions(c));
            assertTrue(indexes(c, "CC_REMOTE_PROMO_DELIVERY").contains("IX_REMOTE_PROMO_EQUIPMENT"));
        }
    }

    /**
     * A database of an older bundle that created its tables when missing (here: the layout before deferred SQL and
     * promo existed) keeps its rows, gains the missing tables and is recorded as a baseline.
     */
    @Test
    void tablesOfTheOldCreateIfMissingLayoutAreBaselinedWithTheirRows() throws SQLException {
        DataSource ds = Fixtures.derby();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE cc_remote_credentials (equipment_id BIGINT NOT NULL PRIMARY KEY, "
                    + "username VARCHAR(100) NOT NULL, secret VARCHAR(1000) NOT NULL, updated_at TIMESTAMP NOT NULL, "
                    + "updated_by VARCHAR(100) NOT NULL)");
            st.execute("CREATE TABLE cc_remote_command_run (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "equipment_id BIGINT NOT NULL, serial_number VARCHAR(100) NOT NULL, family VARCHAR(50), "
                    + "command_id VARCHAR(100) NOT NULL, args VARCHAR(2000), username VARCHAR(100) NOT NULL, "
                    + "started_at TIMESTAMP NOT NULL, duration_ms BIGINT NOT NULL, exit_code INTEGER, "
                    + "output_text VARCHAR(32000), outcome VARCHAR(30) NOT NULL, message VARCHAR(2000))");
            st.execute("CREATE INDEX ix_remote_run_equipment ON cc_remote_command_run (equipment_id, id)");
            st.execute("INSERT INTO cc_remote_credentials VALUES (7, 'svc', 'sealed', CURRENT_TIMESTAMP, 'admin')");
            st.execute("INSERT INTO cc_remote_command_run (equipment_id, serial_number, command_id, username, "
                    + "started_at, duration_ms, outcome) VALUES (7, 'WMF-1', 'ping', 'tech', CURRENT_TIMESTAMP, 40, 'OK')");
        }

        assertEquals(1, RemoteSchema.ensure(ds));

        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String t : TABLES) {
                assertTrue(SchemaMigrations.tableExists(c, t), t);
            }
            assertEquals(List.of("1 remote (baseline)"), versions(c));
            try (ResultSet rs = st.executeQuery("SELECT username FROM cc_remote_credentials WHERE equipment_id = 7")) {
                assertTrue(rs.next());
                assertEquals("svc", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM cc_remote_command_run")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            // the identity continues after the old rows
            st.execute("INSERT INTO cc_remote_command_run (equipment_id, serial_number, command_id, username, "
                    + "started_at, duration_ms, outcome) VALUES (7, 'WMF-1', 'ping', 'tech', CURRENT_TIMESTAMP, 41, 'OK')");
            assertTrue(indexes(c, "CC_REMOTE_DEFERRED_SQL").contains("IX_REMOTE_DEFERRED_EQUIPMENT"),
                    "a table the old layout lacked is created with its index");
        }
        assertEquals(1, RemoteSchema.ensure(ds));
    }

    @Test
    void aFailingScriptLeavesTheVersionWhereItWas() throws SQLException {
        DataSource ds = Fixtures.derby();
        RemoteSchema.ensure(ds);
        List<Script> broken = new ArrayList<>(RemoteSchema.SCRIPTS);
        broken.add(new Script(2, "broken", "db/R900__broken.sql"));
        SQLException e = assertThrows(SQLException.class, () -> RemoteSchema.migrate(ds, broken));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
        try (Connection c = ds.getConnection()) {
            assertEquals(1, SchemaMigrations.version(c, RemoteSchema.TABLE));
            assertFalse(SchemaMigrations.tableExists(c, "cc_remote_half"), "the script's first statement is rolled back");
        }
    }

    private static List<String> versions(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, description FROM cc_remote_schema ORDER BY version")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    private static List<String> indexes(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getString("INDEX_NAME")).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
