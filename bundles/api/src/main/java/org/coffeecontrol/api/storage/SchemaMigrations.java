package org.coffeecontrol.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Brings one bundle's tables up to date: every numbered script newer than the highest version recorded in the
 * bundle's own version table runs in its own transaction, together with the row that records it. Each bundle keeps
 * its own table and numbering so that it can be added to, upgraded in or removed from a running platform without
 * touching anybody else's schema; released scripts are never edited, only new ones added.
 *
 * <p>Scripts are read from the bundle's class loader. A statement ends with a semicolon at the end of a line, and
 * whole-line {@code --} comments are dropped. The few types that differ between Derby and PostgreSQL are written as
 * placeholders: {@code ${BLOB}} becomes {@code BLOB} on Derby and {@code BYTEA} on PostgreSQL unless the bundle
 * says otherwise ({@link #placeholder}).
 *
 * <p>Version tables created before this class existed are recognised as they are: the column holding a script's
 * name may be called {@code description} (core, monitoring, remote) or {@code script} (tickets, reports). With
 * {@link #baselineExistingTables()}, a database whose tables were created when missing, before any version table,
 * gets the first script as a baseline: what already exists is kept with its rows, only the missing tables and
 * indexes are created. Several nodes sharing one database may start at once: whoever loses the race for a version
 * sees it applied by the other and carries on.
 *
 * <pre>{@code
 * SchemaMigrations.forTable("cc_tkt_schema", Schema.class.getClassLoader())
 *         .script(SchemaMigrations.Script.of("db/T001__tickets.sql"))
 *         .migrate(dataSource);
 * }</pre>
 */
public final class SchemaMigrations {

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

    private static final Pattern FILE_NAME = Pattern.compile("(?:.*/)?[A-Za-z]+(\\d+)__(.+)\\.sql");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^CREATE\\s+TABLE\\s+(\\w+).*");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+)\\s+ON\\s+(\\w+).*");

    /**
     * One numbered script: applied once, in version order, and recorded with its description.
     *
     * @param version  its number, unique within the bundle's version table
     * @param description what it is about, written to the version table and the log
     * @param resource its path inside the bundle, e.g. {@code db/T001__tickets.sql}
     */
    public record Script(int version, String description, String resource) {

        public Script {
            if (version < 1) {
                throw new IllegalArgumentException("script versions start at 1: " + resource);
            }
        }

        /** A script whose version and description come from its name: {@code db/M002__opening_hours.sql}. */
        public static Script of(String resource) {
            Matcher m = FILE_NAME.matcher(resource);
            if (!m.matches()) {
                throw new IllegalArgumentException("a script is named <letters><number>__<words>.sql: " + resource);
            }
            return new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), resource);
        }
    }

    private final String table;
    private final ClassLoader loader;
    private final List<Script> scripts = new ArrayList<>();
    private final Map<String, String[]> placeholders = new LinkedHashMap<>();
    private boolean baseline;

    private SchemaMigrations(String table, ClassLoader loader) {
        this.table = table;
        this.loader = loader;
        placeholders.put("BLOB", new String[] { "BLOB", "BYTEA" });
    }

    /**
     * @param versionTable the bundle's own version table, e.g. {@code cc_tkt_schema}; created when missing
     * @param loader       the bundle's class loader, which holds the scripts
     */
    public static SchemaMigrations forTable(String versionTable, ClassLoader loader) {
        return new SchemaMigrations(versionTable, loader);
    }

    public SchemaMigrations script(Script script) {
        scripts.add(script);
        scripts.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return this;
    }

    public SchemaMigrations scripts(List<Script> all) {
        all.forEach(this::script);
        return this;
    }

    /** {@code ${name}} in the scripts becomes {@code derby} on Derby and {@code postgres} on PostgreSQL. */
    public SchemaMigrations placeholder(String name, String derby, String postgres) {
        placeholders.put(name, new String[] { derby, postgres });
        return this;
    }

    /**
     * For a bundle that created its tables when missing before it had scripts: if its version table does not exist
     * but a table of the first script does, the first script is applied as a baseline (existing tables and indexes
     * kept as they are, the missing ones created) and recorded as such.
     */
    public SchemaMigrations baselineExistingTables() {
        this.baseline = true;
        return this;
    }

    /** @return the version of the bundle's schema after migrating (0 when it has no scripts) */
    public int migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean legacy = false;
            if (!tableExists(c, table)) {
                legacy = baseline && !scripts.isEmpty() && anyTableOf(c, scripts.get(0));
                createVersionTable(c);
            }
            String nameColumn = nameColumn(c);
            int version = version(c, table);
            for (Script s : scripts) {
                if (s.version() > version) {
                    apply(c, s, nameColumn, legacy && s == scripts.get(0));
                    version = s.version();
                }
            }
            return version;
        }
    }

    /** The highest version recorded in {@code versionTable}; 0 when none is. */
    public static int version(Connection c, String versionTable) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + versionTable)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether a table of an unquoted name exists: Derby catalogues it in upper case, PostgreSQL in lower case. */
    public static boolean tableExists(Connection c, String name) throws SQLException {
        return anyRow(c, name, (md, n) -> md.getTables(null, null, n, null), rs -> true);
    }

    /** The statements of a script: split at semicolons that end a line, whole-line comments and indentation gone. */
    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            if (t.endsWith(";")) {
                current.append(t, 0, t.length() - 1);
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(t);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private void createVersionTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            if (!tableExists(c, table)) {
                throw e;
            }
            // another node sharing the database created it meanwhile
        }
    }

    /** Tickets and reports named the column {@code script}; their existing tables keep that name. */
    private String nameColumn(Connection c) throws SQLException {
        boolean script = anyRow(c, table, (md, n) -> md.getColumns(null, null, n, null),
                rs -> "script".equalsIgnoreCase(rs.getString("COLUMN_NAME")));
        return script ? "script" : "description";
    }

    private void apply(Connection c, Script s, String nameColumn, boolean asBaseline) throws SQLException {
        LOG.log(Level.INFO, "Schema {0} version {1}: {2}{3}", table, s.version(), s.description(),
                asBaseline ? " (baseline: keeping the tables created before numbered scripts)" : "");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String sql : statements(expand(c, read(s.resource())))) {
                if (asBaseline && alreadyThere(c, sql)) {
                    continue;
                }
                st.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table + " (version, " + nameColumn + ", applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, s.version());
                ps.setString(2, asBaseline ? s.description() + " (baseline)" : s.description());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (version(c, table) >= s.version()) {
                return; // another node sharing the database applied it first
            }
            throw new SQLException("Schema " + table + " version " + s.version() + " (" + s.description()
                    + ") failed: " + e.getMessage(), e.getSQLState(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private String expand(Connection c, String script) throws SQLException {
        int dialect = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? 1 : 0;
        String out = script;
        for (Map.Entry<String, String[]> p : placeholders.entrySet()) {
            out = out.replace("${" + p.getKey() + "}", p.getValue()[dialect]);
        }
        return out;
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean anyTableOf(Connection c, Script s) throws SQLException {
        for (String sql : statements(read(s.resource()))) {
            Matcher m = CREATE_TABLE.matcher(sql);
            if (m.matches() && tableExists(c, m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** In a baseline, what the old layout already created is kept as it is. */
    private static boolean alreadyThere(Connection c, String sql) throws SQLException {
        Matcher t = CREATE_TABLE.matcher(sql);
        if (t.matches()) {
            return tableExists(c, t.group(1));
        }
        Matcher i = CREATE_INDEX.matcher(sql);
        return i.matches() && anyRow(c, i.group(2), (md, n) -> md.getIndexInfo(null, null, n, false, false),
                rs -> i.group(1).equalsIgnoreCase(rs.getString("INDEX_NAME")));
    }

    private interface Lookup {
        ResultSet query(DatabaseMetaData md, String table) throws SQLException;
    }

    private interface RowTest {
        boolean test(ResultSet rs) throws SQLException;
    }

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
}
