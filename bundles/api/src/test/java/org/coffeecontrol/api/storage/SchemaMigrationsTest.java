package org.coffeecontrol.api.storage;

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
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Script FIRST = Script.of("migrations/A001__first_tables.sql");
    private static final Script SECOND = Script.of("migrations/A002__second.sql");

    private final EmbeddedDataSource ds = memory();

    private SchemaMigrations migrations(Script... scripts) {
        return SchemaMigrations.forTable("cc_test_schema", getClass().getClassLoader()).scripts(List.of(scripts));
    }

    @Test
    void appliesEachScriptOnceAndKeepsRowsOnRestart() throws SQLException {
        assertEquals(1, migrations(FIRST).migrate(ds));
        execute("INSERT INTO t_first (id) VALUES (1)");
        assertEquals(2, migrations(FIRST, SECOND).migrate(ds));
        assertEquals(2, migrations(FIRST, SECOND).migrate(ds), "a second start applies nothing");
        assertEquals(List.of("1 first tables", "2 second"), recorded("description"));
        assertEquals(1, count("SELECT COUNT(*) FROM t_first"));
        assertEquals(1, count("SELECT COUNT(*) FROM t_second"));
    }

    @Test
    void scriptsRunInVersionOrderWhateverOrderTheyAreGivenIn() throws SQLException {
        assertEquals(2, migrations(SECOND, FIRST).migrate(ds));
        assertEquals(List.of("1 first tables", "2 second"), recorded("description"));
    }

    @Test
    void aFailingScriptIsRolledBackWholeAndNotRecorded() throws SQLException {
        migrations(FIRST).migrate(ds);
        Script broken = new Script(2, "broken", "migrations/B001__broken.sql");
        SQLException e = assertThrows(SQLException.class, () -> migrations(FIRST, broken).migrate(ds));
        assertTrue(e.getMessage().contains("cc_test_schema version 2 (broken)"), e.getMessage());
        try (Connection c = ds.getConnection()) {
            assertEquals(1, SchemaMigrations.version(c, "cc_test_schema"));
            assertFalse(SchemaMigrations.tableExists(c, "t_half"), "the script's first statement is rolled back");
        }
    }

    /** Tickets and reports created their version tables with a {@code script} column: such a table is kept. */
    @Test
    void aVersionTableWithTheOlderScriptColumnIsRecognised() throws SQLException {
        execute("CREATE TABLE cc_test_schema (version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                + "applied_at TIMESTAMP NOT NULL)");
        execute("INSERT INTO cc_test_schema VALUES (1, 'migrations/A001__first_tables.sql', CURRENT_TIMESTAMP)");
        execute("CREATE TABLE t_first (id INTEGER NOT NULL PRIMARY KEY, data BLOB)");
        execute("INSERT INTO t_first (id) VALUES (7)");

        assertEquals(2, migrations(FIRST, SECOND).migrate(ds));

        assertEquals(List.of("1 migrations/A001__first_tables.sql", "2 second"), recorded("script"));
        assertEquals(1, count("SELECT COUNT(*) FROM t_first WHERE id = 7"));
    }

    @Test
    void tablesCreatedBeforeAnyVersionTableAreBaselinedWithTheirRows() throws SQLException {
        execute("CREATE TABLE t_first (id INTEGER NOT NULL PRIMARY KEY, data BLOB)");
        execute("CREATE INDEX ix_first_data ON t_first (id)");
        execute("INSERT INTO t_first (id) VALUES (7)");

        assertEquals(2, migrations(FIRST, SECOND).baselineExistingTables().migrate(ds));

        assertEquals(List.of("1 first tables (baseline)", "2 second"), recorded("description"));
        assertEquals(1, count("SELECT COUNT(*) FROM t_first WHERE id = 7"));
        try (Connection c = ds.getConnection()) {
            assertTrue(SchemaMigrations.tableExists(c, "t_other"), "a table the old layout lacked is created");
        }
    }

    @Test
    void withoutTheBaselineOptionExistingTablesMakeTheFirstScriptFail() throws SQLException {
        execute("CREATE TABLE t_first (id INTEGER NOT NULL PRIMARY KEY)");
        assertThrows(SQLException.class, () -> migrations(FIRST).migrate(ds));
    }

    @Test
    void placeholdersBecomeTheDatabasesTypes() throws SQLException {
        migrations(FIRST).placeholder("BLOB", "BLOB(1K)", "BYTEA").migrate(ds);
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, null, "T_FIRST", "DATA")) {
            assertTrue(rs.next());
            assertEquals("BLOB", rs.getString("TYPE_NAME"));
            assertEquals(1024, rs.getInt("COLUMN_SIZE"));
        }
    }

    @Test
    void scriptNamesGiveVersionAndDescription() {
        assertEquals(new Script(12, "opening hours", "db/M012__opening_hours.sql"),
                Script.of("db/M012__opening_hours.sql"));
        assertThrows(IllegalArgumentException.class, () -> Script.of("db/opening_hours.sql"));
        assertThrows(IllegalArgumentException.class, () -> new Script(0, "zero", "db/X000__zero.sql"));
    }

    @Test
    void scriptsSplitIntoStatementsWithoutCommentsOrIndentation() {
        assertEquals(List.of("CREATE TABLE a (\nx INT\n)", "CREATE INDEX i ON a (x)"),
                SchemaMigrations.statements("-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX i ON a (x);\n"));
    }

    private List<String> recorded(String nameColumn) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, " + nameColumn + " FROM cc_test_schema ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    private int count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static EmbeddedDataSource memory() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:migrations" + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }
}
