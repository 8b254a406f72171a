package org.coffeecontrol.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the monitoring tables up to date: every numbered script of {@code /db/} newer than the highest version in
 * {@code cc_monitoring_schema} runs in its own transaction. The monitoring bundle can thus be added to, upgraded in
 * or removed from a running platform without touching core's schema numbering. Released scripts are never edited.
 */
final class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    static final String TABLE = "cc_monitoring_schema";

    record Script(int version, String description, String resource) {
    }

    static final List<Script> SCRIPTS = List.of(new Script(1, "monitoring", "db/M001__monitoring.sql"));

    private SchemaMigration() {
    }

    /** @return the version after migrating */
    static int migrate(DataSource ds, List<Script> scripts) throws SQLException {
        try (Connection c = ds.getConnection()) {
            if (!tableExists(c, TABLE)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE " + TABLE + " (version INTEGER NOT NULL PRIMARY KEY, "
                            + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
                }
            }
            int version = version(c);
            for (Script s : scripts) {
                if (s.version() > version) {
                    apply(c, s);
                    version = s.version();
                }
            }
            return version;
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + TABLE)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection c, Script s) throws SQLException {
        LOG.info("Monitoring schema version {}: {}", s.version(), s.description());
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String sql : statements(read(s.resource()))) {
                st.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, s.version());
                ps.setString(2, s.description());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Monitoring schema version " + s.version() + " failed: " + e.getMessage(),
                    e.getSQLState(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // Derby reports unquoted names in upper case, PostgreSQL in lower case.
        for (String n : List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = md.getTables(null, null, n, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements end with a semicolon at the end of a line; whole-line {@code --} comments are dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n");
            if (t.endsWith(";")) {
                current.append(t, 0, t.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(t);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }
}
