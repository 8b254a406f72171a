package org.coffeecontrol.tickets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.coffeecontrol.api.storage.SchemaMigrations;
import org.junit.jupiter.api.Test;

/** The ticket tables through the shared migrator on a database the former {@code Schema} class made. */
class SchemaTest {

    /**
     * What the former class left behind: its own version table with a {@code script} column, T001 applied and
     * recorded by file name. The database is recognised as version 1 and only a later
     * script runs.
     */
    @Test
    void databaseOfTheFormerTicketSchemaIsUpgradedInPlace() throws Exception {
        DataSource ds = TestDatabase.fresh();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            st.execute("CREATE TABLE cc_tkt_schema (version INTEGER NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            for (String sql : SchemaMigrations.statements(
                    resource("db/T001__tickets.sql").replace("${BLOB}", postgres ? "BYTEA" : "BLOB"))) {
                st.execute(sql);
            }
            st.execute("INSERT INTO cc_tkt_schema VALUES (1, 'db/T001__tickets.sql', CURRENT_TIMESTAMP)");
        }

        assertEquals(1, Schema.migrate(ds), "T001 is not applied a second time");
        assertEquals(902, Schema.migrate(ds, Schema.TABLE,
                List.of("db/T001__tickets.sql", "db/T902__upgrade_check.sql")));

        assertEquals(List.of("1 db/T001__tickets.sql", "902 upgrade check"), recorded(ds));
        try (Connection c = ds.getConnection()) {
            assertEquals(true, SchemaMigrations.tableExists(c, "cc_tkt_upgrade_check"));
        }
    }

    private static List<String> recorded(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, script FROM cc_tkt_schema ORDER BY version")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
