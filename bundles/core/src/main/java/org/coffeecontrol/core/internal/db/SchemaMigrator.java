package org.coffeecontrol.core.internal.db;

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
 * Applies the numbered SQL scripts of {@code /db/} that the database has not seen yet, each in its own
 * transaction, and records them in {@code cc_schema_version}. An upgraded distribution thus keeps its data:
 * scripts are only ever added, never edited once released.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String VERSION_TABLE = "CC_SCHEMA_VERSION";

    /** One script: {@code V<version>__<description>.sql}. */
    public record Script(int version, String description, String resource) {
    }

    private final DataSource dataSource;
    private final ClassLoader loader;

    public SchemaMigrator(DataSource dataSource, ClassLoader loader) {
        this.dataSource = dataSource;
        this.loader = loader;
    }

    /** @return the schema version after migrating */
    public int migrate(List<Script> scripts) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            int current = currentVersion(c);
            for (Script s : scripts) {
                if (s.version() <= current) {
                    continue;
                }
                apply(c, s);
                current = s.version();
            }
            return current;
        }
    }

    private void apply(Connection c, Script s) throws SQLException {
        LOG.info("Applying schema version {}: {}", s.version(), s.description());
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        Dialect dialect = Dialect.of(c);
        try (Statement st = c.createStatement()) {
            for (String sql : statements(dialect.expand(read(s.resource())))) {
                st.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO cc_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, s.version());
                ps.setString(2, s.description());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Schema version " + s.version() + " (" + s.description() + ") failed: "
                    + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean exists;
        try (ResultSet rs = md.getTables(null, null, VERSION_TABLE, null);
                ResultSet lower = md.getTables(null, null, VERSION_TABLE.toLowerCase(Locale.ROOT), null)) {
            exists = rs.next() || lower.next();
        }
        if (!exists) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE cc_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
        }
    }

    public static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM cc_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Schema script " + resource + " missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The few types that differ between the supported databases, written as placeholders in the scripts. */
    enum Dialect {
        DERBY("BLOB(2M)"), POSTGRESQL("BYTEA");

        private final String blob;

        Dialect(String blob) {
            this.blob = blob;
        }

        static Dialect of(Connection c) throws SQLException {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? POSTGRESQL : DERBY;
        }

        String expand(String script) {
            return script.replace("${BLOB}", blob);
        }
    }

    /** Splits on semicolons at line ends; strips {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }
}
