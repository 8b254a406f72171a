package org.coffeecontrol.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.coffeecontrol.api.storage.SchemaMigrations;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;
import org.junit.jupiter.api.Test;

/** Core's scripts through the shared migrator, on a fresh database and on one the former core migrator made. */
class CoreSchemaTest {

    @Test
    void freshDatabaseGetsEveryScriptOnceWithTheReleasedPayloadSize() throws Exception {
        EmbeddedDataSource ds = memory("core-fresh");
        assertEquals(CoreDatabase.SCRIPTS.size(), CoreDatabase.migrations().migrate(ds));
        execute(ds, "INSERT INTO cc_client (name, version) VALUES ('Kept', 0)");
        assertEquals(CoreDatabase.SCRIPTS.size(), CoreDatabase.migrations().migrate(ds));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM cc_client"));
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getColumns(null, null, "CC_DEAD_LETTER", "PAYLOAD")) {
            assertTrue(rs.next());
            assertEquals(2 * 1024 * 1024, rs.getInt("COLUMN_SIZE"));
        }
    }

    /**
     * A database the former {@code SchemaMigrator} brought to version 2 (its own DDL for the version table, the
     * scripts run statement by statement): it is recognised, keeps its rows and gets only the later versions.
     */
    @Test
    void databaseOfTheFormerMigratorGetsOnlyTheNewScripts() throws Exception {
        EmbeddedDataSource ds = memory("core-former");
        execute(ds, "CREATE TABLE cc_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        for (Script s : CoreDatabase.SCRIPTS.subList(0, 2)) {
            for (String sql : SchemaMigrations.statements(resource(s.resource()).replace("${BLOB}", "BLOB(2M)"))) {
                execute(ds, sql);
            }
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO cc_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, s.version());
                ps.setString(2, s.description());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        }
        execute(ds, "INSERT INTO cc_client (name, version) VALUES ('Kept', 0)");

        assertEquals(CoreDatabase.SCRIPTS.size(), CoreDatabase.migrations().migrate(ds));

        assertEquals(1, count(ds, "SELECT COUNT(*) FROM cc_client"));
        assertEquals(CoreDatabase.SCRIPTS.size(), count(ds, "SELECT COUNT(*) FROM cc_schema_version"));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM cc_event_segment"), "version 4 added the segments");
        try (Connection c = ds.getConnection()) {
            assertEquals(CoreDatabase.SCRIPTS.size(), SchemaMigrations.version(c, CoreDatabase.VERSION_TABLE));
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "CC_POS", "TIME_ZONE")) {
                assertTrue(rs.next(), "version 3 added the time zone");
            }
        }
    }

    @Test
    void scriptNamesMatchTheirVersions() {
        for (Script s : CoreDatabase.SCRIPTS) {
            assertEquals(s.version(), Script.of(s.resource()).version(), s.resource());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CoreSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void execute(EmbeddedDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(EmbeddedDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static EmbeddedDataSource memory(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        ds.setCreateDatabase("create");
        return ds;
    }
}
