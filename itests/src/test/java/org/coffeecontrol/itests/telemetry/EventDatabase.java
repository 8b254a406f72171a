package org.coffeecontrol.itests.telemetry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coffeecontrol.api.telemetry.EventQuery;
import org.coffeecontrol.core.internal.telemetry.JdbcEventLog;

/**
 * The distribution's Derby database opened directly, for counting what really is on disk. Only while Karaf is
 * stopped: embedded Derby lets one JVM at a time boot a database.
 */
public final class EventDatabase implements AutoCloseable {

    private final String url;
    private final Connection connection;

    private EventDatabase(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    public static EventDatabase open(Path karafHome) throws SQLException {
        String url = "jdbc:derby:" + karafHome.resolve("data/derby/coffee").toAbsolutePath();
        return new EventDatabase(url, DriverManager.getConnection(url));
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Stored sequence numbers per serial, ascending, read through core's own event log (both of its stores); a
     * number stored twice appears twice. A serial without events maps to an empty list.
     */
    public Map<String, List<Long>> seqsBySerial(Collection<String> serials) throws SQLException {
        org.apache.derby.jdbc.EmbeddedDataSource ds = new org.apache.derby.jdbc.EmbeddedDataSource();
        ds.setDatabaseName(url.substring("jdbc:derby:".length()));
        JdbcEventLog log = new JdbcEventLog(ds);
        Map<String, List<Long>> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM cc_equipment WHERE serial_number = ?")) {
            for (String serial : serials) {
                ps.setString(1, serial);
                List<Long> seqs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        log.read(EventQuery.of(rs.getLong(1)), e -> seqs.add(e.seq()));
                    }
                }
                seqs.sort(null);
                out.put(serial, seqs);
            }
        }
        return out;
    }

    /** Shuts the database down so that Karaf can boot it again. */
    @Override
    public void close() throws SQLException {
        connection.close();
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                throw expected;
            }
        }
    }
}
