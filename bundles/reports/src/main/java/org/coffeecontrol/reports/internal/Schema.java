package org.coffeecontrol.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports tables, versioned on their own in {@code cc_rep_schema} so this bundle can be added to or removed
 * from a running platform without touching core's numbering. Released scripts are never edited: add R002….
 */
final class Schema {

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
    private static final String VERSIONS = "cc_rep_schema";
    static final List<String> SCRIPTS = List.of("db/R001__reports.sql");

    private Schema() {
    }

    static void upgrade(DataSource ds) {
        Db.inTransaction(ds, c -> {
            if (!Db.hasTable(c, VERSIONS)) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE " + VERSIONS + " (version INTEGER NOT NULL PRIMARY KEY, "
                            + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
                }
            }
            int current;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + VERSIONS)) {
                rs.next();
                current = rs.getInt(1);
            }
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                String script = SCRIPTS.get(v - 1);
                LOG.info("Reports schema version {}: {}", v, script);
                try (Statement st = c.createStatement()) {
                    for (String sql : split(load(script))) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO " + VERSIONS + " (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.setTimestamp(3, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static String load(String resource) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the reports bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One statement per {@code ;} at a line end; {@code --} lines are comments. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String raw : script.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("--") || line.isEmpty()) {
                continue;
            }
            sb.append(line).append(' ');
            if (line.endsWith(";")) {
                out.add(sb.substring(0, sb.lastIndexOf(";")).strip());
                sb.setLength(0);
            }
        }
        return out;
    }
}
