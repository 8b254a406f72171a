package org.coffeecontrol.remote.internal.db;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This bundle's own tables, next to core's in the same database: the numbered scripts under {@code db/} not yet
 * recorded in {@code cc_remote_schema} run in order, each in its own transaction. The bundle keeps its own
 * numbering so that it can be added to, upgraded in or removed from a running platform on its own.
 *
 * <p>Before the scripts existed the bundle created each table when it was missing. Such a database has remote tables
 * but no version table: script 1, which holds exactly that layout, is then applied as a baseline — the tables and
 * indexes already there are kept with their rows, only the missing ones (from an older bundle) are created.
 */
public final class RemoteSchema {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSchema.class);
    static final String TABLE = "cc_remote_schema";

    record Script(int version, String description, String resource) {
    }

    static final List<Script> SCRIPTS = List.of(new Script(1, "remote", "db/R001__remote.sql"));

    private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*--.*$");
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(\\r?\\n|$)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^CREATE\\s+TABLE\\s+(\\w+).*");
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+)\\s+ON\\s+(\\w+).*");

    private RemoteSchema() {
    }

    public static int ensure(DataSource dataSource) throws SQLException {
        return migrate(dataSource, SCRIPTS);
    }

    /** @return the schema version after migrating */
    static int migrate(DataSource dataSource, List<Script> scripts) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean legacy = false;
            if (!exists(c, TABLE)) {
                legacy = anyTableOf(c, scripts.get(0));
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE " + TABLE + " (version INTEGER NOT NULL PRIMARY KEY, "
                            + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
                } catch (SQLException e) {
                    // another node sharing the database created it meanwhile
                    if (!exists(c, TABLE)) {
                        throw e;
                    }
                }
            }
            int version = version(c);
            for (Script s : scripts) {
                if (s.version() > version) {
                    apply(c, s, legacy && s.version() == 1);
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

    private static void apply(Connection c, Script s, boolean baseline) throws SQLException {
        LOG.info("Remote schema version {}: {}{}", s.version(), s.description(),
                baseline ? " (baseline: keeping the tables created before numbered scripts)" : "");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String sql : statements(read(s.resource()))) {
                if (baseline && alreadyThere(c, sql)) {
                    continue;
                }
                st.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, s.version());
                ps.setString(2, baseline ? s.description() + " (baseline)" : s.description());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (version(c) >= s.version()) {
                return; // another node sharing the database applied it first
            }
            throw new SQLException("Remote schema version " + s.version() + " failed: " + e.getMessage(),
                    e.getSQLState(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** In a baseline, what the old layout already created is kept as it is (with its rows). */
    private static boolean alreadyThere(Connection c, String sql) throws SQLException {
        Optional<String> table = tableOf(CREATE_TABLE, sql);
        if (table.isPresent()) {
            return exists(c, table.get());
        }
        Matcher index = CREATE_INDEX.matcher(sql.strip());
        return index.matches() && indexExists(c, index.group(2), index.group(1));
    }

    private static boolean anyTableOf(Connection c, Script s) throws SQLException {
        for (String sql : statements(read(s.resource()))) {
            Optional<String> table = tableOf(CREATE_TABLE, sql);
            if (table.isPresent() && exists(c, table.get())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> tableOf(Pattern p, String sql) {
        Matcher m = p.matcher(sql.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static boolean exists(Connection c, String table) throws SQLException {
        return anyRow(c, table, (md, name) -> md.getTables(null, null, name, null), rs -> true);
    }

    private static boolean indexExists(Connection c, String table, String index) throws SQLException {
        return anyRow(c, table, (md, name) -> md.getIndexInfo(null, null, name, false, false),
                rs -> index.equalsIgnoreCase(rs.getString("INDEX_NAME")));
    }

    private interface Lookup {
        ResultSet query(DatabaseMetaData md, String table) throws SQLException;
    }

    private interface RowTest {
        boolean test(ResultSet rs) throws SQLException;
    }

    /** Derby catalogues unquoted names in upper case, PostgreSQL in lower case: both spellings are asked. */
    private static boolean anyRow(Connection c, String table, Lookup lookup, RowTest test) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = lookup.query(md, name)) {
                while (rs.next()) {
                    if (test.test(rs)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String read(String resource) {
        try (InputStream in = RemoteSchema.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A statement ends with a semicolon at the end of a line; whole-line {@code --} comments are dropped. */
    static List<String> statements(String script) {
        String code = COMMENT_LINE.matcher(script).replaceAll("");
        return Arrays.stream(STATEMENT_END.split(code)).map(RemoteSchema::tidy).filter(t -> !t.isEmpty()).toList();
    }

    /** Each line stripped of its indentation, blank lines dropped: the statement as it is logged. */
    private static String tidy(String statement) {
        return statement.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
