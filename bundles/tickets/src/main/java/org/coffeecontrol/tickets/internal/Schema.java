package org.coffeecontrol.tickets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the ticket tables up to date from the numbered scripts under {@code db/}, recorded in {@code cc_tkt_schema}
 * so that the bundle can be added to or upgraded in a running platform on its own. Released scripts are never
 * edited. The only difference between the databases, the binary column type, is filled in here.
 */
public final class Schema {

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
    static final String TABLE = "cc_tkt_schema";
    static final List<String> SCRIPTS = List.of("db/T001__tickets.sql");

    private Schema() {
    }

    static int migrate(DataSource ds) throws SQLException {
        return migrate(ds, TABLE, SCRIPTS);
    }

    /**
     * Applies the scripts not yet recorded in {@code table}; other parts of this bundle keep their own table and
     * numbering so that their scripts never collide with the ticket core's.
     */
    public static int migrate(DataSource ds, String table, List<String> scripts) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            if (!exists(c, table)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE " + table + " (version INTEGER NOT NULL PRIMARY KEY, "
                            + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
                }
            }
            int current;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + table)) {
                rs.next();
                current = rs.getInt(1);
            }
            for (int v = current + 1; v <= scripts.size(); v++) {
                String script = scripts.get(v - 1);
                LOG.info("Tickets schema version {}: {}", v, script);
                String sql = load(script).replace("${BLOB}", postgres ? "BYTEA" : "BLOB");
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    for (String s : statements(sql)) {
                        st.execute(s);
                    }
                    Jdbc.update(c, "INSERT INTO " + table + " (version, script, applied_at) VALUES (?, ?, ?)", v,
                            script, Instant.now());
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("tickets schema " + script + " failed: " + e.getMessage(), e);
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return scripts.size();
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        // unquoted names: upper case in Derby's catalogue, lower case in PostgreSQL's
        for (String n : List.of(table.toUpperCase(Locale.ROOT), table)) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, n, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String load(String resource) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits on semicolons that end a line, skipping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            sb.append(t.endsWith(";") ? t.substring(0, t.length() - 1) : t).append('\n');
            if (t.endsWith(";")) {
                out.add(sb.toString().strip());
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) {
            out.add(sb.toString().strip());
        }
        return out;
    }
}
