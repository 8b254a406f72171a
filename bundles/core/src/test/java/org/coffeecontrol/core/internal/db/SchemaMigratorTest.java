package org.coffeecontrol.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void migratesOnceAndKeepsDataOnRerun() throws Exception {
        EmbeddedDataSource ds = memory("mig1");
        SchemaMigrator m = new SchemaMigrator(ds, getClass().getClassLoader());
        assertEquals(CoreDatabase.SCRIPTS.size(), m.migrate(CoreDatabase.SCRIPTS));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO cc_client (name, version) VALUES ('Kept', 0)");
        }
        assertEquals(CoreDatabase.SCRIPTS.size(), m.migrate(CoreDatabase.SCRIPTS));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM cc_client")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void failedScriptRollsBackAndIsNotRecorded() throws Exception {
        EmbeddedDataSource ds = memory("mig2");
        SchemaMigrator m = new SchemaMigrator(ds, new ClassLoader(getClass().getClassLoader()) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                if (name.equals("broken.sql")) {
                    return new java.io.ByteArrayInputStream(
                            "CREATE TABLE t_ok (id INT);\nCREATE TABLE t_bad (id NOSUCHTYPE);".getBytes());
                }
                return super.getResourceAsStream(name);
            }
        });
        List<SchemaMigrator.Script> scripts = List.of(new SchemaMigrator.Script(1, "broken", "broken.sql"));
        SQLException e = assertThrows(SQLException.class, () -> m.migrate(scripts));
        assertTrue(e.getMessage().contains("Schema version 1"), e.getMessage());
        try (Connection c = ds.getConnection()) {
            assertEquals(0, SchemaMigrator.currentVersion(c));
        }
    }

    @Test
    void splitsStatementsAndSkipsComments() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"),
                SchemaMigrator.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"));
    }

    private static EmbeddedDataSource memory(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        ds.setCreateDatabase("create");
        return ds;
    }
}
