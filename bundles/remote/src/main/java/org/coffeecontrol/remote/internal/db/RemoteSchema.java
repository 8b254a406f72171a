package org.coffeecontrol.remote.internal.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

/**
 * This bundle's own tables, next to core's in the same database. Each table is created when missing; columns
 * are only ever added by a new statement here, never by editing one that shipped.
 */
public final class RemoteSchema {

    private static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("CC_REMOTE_CREDENTIALS", List.of("CREATE TABLE cc_remote_credentials ("
                + "equipment_id BIGINT NOT NULL PRIMARY KEY, username VARCHAR(100) NOT NULL, "
                + "secret VARCHAR(1000) NOT NULL, updated_at TIMESTAMP NOT NULL, updated_by VARCHAR(100) NOT NULL)"));
        TABLES.put("CC_REMOTE_HOST_KEY", List.of("CREATE TABLE cc_remote_host_key ("
                + "equipment_id BIGINT NOT NULL PRIMARY KEY, public_key VARCHAR(4000) NOT NULL, "
                + "fingerprint VARCHAR(100) NOT NULL, pinned_at TIMESTAMP NOT NULL)"));
        TABLES.put("CC_REMOTE_COMMAND_RUN", List.of("CREATE TABLE cc_remote_command_run ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, equipment_id BIGINT NOT NULL, "
                + "serial_number VARCHAR(100) NOT NULL, family VARCHAR(50), command_id VARCHAR(100) NOT NULL, "
                + "args VARCHAR(2000), username VARCHAR(100) NOT NULL, started_at TIMESTAMP NOT NULL, "
                + "duration_ms BIGINT NOT NULL, exit_code INTEGER, output_text VARCHAR(32000), "
                + "outcome VARCHAR(30) NOT NULL, message VARCHAR(2000))",
                "CREATE INDEX ix_remote_run_equipment ON cc_remote_command_run (equipment_id, id)"));
        TABLES.put("CC_REMOTE_STORED_QUERY", List.of("CREATE TABLE cc_remote_stored_query ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                + "description VARCHAR(1000), sql_text VARCHAR(4000) NOT NULL, created_by VARCHAR(100), "
                + "version BIGINT NOT NULL, CONSTRAINT uq_remote_query_name UNIQUE (name))"));
        TABLES.put("CC_REMOTE_SQL_LOG", List.of("CREATE TABLE cc_remote_sql_log ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, equipment_id BIGINT NOT NULL, "
                + "serial_number VARCHAR(100) NOT NULL, username VARCHAR(100) NOT NULL, "
                + "started_at TIMESTAMP NOT NULL, sql_text VARCHAR(4000) NOT NULL, stored_query_id BIGINT, "
                + "duration_ms BIGINT NOT NULL, outcome VARCHAR(30) NOT NULL, row_count INTEGER, "
                + "message VARCHAR(2000))",
                "CREATE INDEX ix_remote_sql_equipment ON cc_remote_sql_log (equipment_id, id)"));
        TABLES.put("CC_REMOTE_RECIPE_CARD", List.of("CREATE TABLE cc_remote_recipe_card ("
                + "client_id BIGINT NOT NULL PRIMARY KEY, updated_by VARCHAR(100) NOT NULL, "
                + "updated_at TIMESTAMP NOT NULL, version BIGINT NOT NULL)"));
        TABLES.put("CC_REMOTE_RECIPE_CARD_ENTRY", List.of("CREATE TABLE cc_remote_recipe_card_entry ("
                + "client_id BIGINT NOT NULL, product VARCHAR(100) NOT NULL, field_key VARCHAR(50) NOT NULL, "
                + "approved DECIMAL(12,4) NOT NULL, tolerance DECIMAL(12,4) NOT NULL, "
                + "PRIMARY KEY (client_id, product, field_key))"));
        TABLES.put("CC_REMOTE_SCREEN", List.of("CREATE TABLE cc_remote_screen ("
                + "equipment_id BIGINT NOT NULL PRIMARY KEY, host VARCHAR(255), port INTEGER, "
                + "secret VARCHAR(1000), updated_at TIMESTAMP NOT NULL, updated_by VARCHAR(100) NOT NULL)"));
        TABLES.put("CC_REMOTE_DEFERRED_SQL", List.of("CREATE TABLE cc_remote_deferred_sql ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, equipment_id BIGINT NOT NULL, "
                + "serial_number VARCHAR(100) NOT NULL, file_name VARCHAR(255) NOT NULL, fast_id VARCHAR(200), "
                + "sql_text VARCHAR(4000), state VARCHAR(20) NOT NULL, created_by VARCHAR(100) NOT NULL, "
                + "created_at TIMESTAMP NOT NULL, delivered_at TIMESTAMP, deliveries INTEGER NOT NULL, "
                + "completed_at TIMESTAMP, result_text VARCHAR(32000), message VARCHAR(2000))",
                "CREATE INDEX ix_remote_deferred_equipment ON cc_remote_deferred_sql (equipment_id, state)"));
        TABLES.put("CC_REMOTE_PROMO_CAMPAIGN", List.of("CREATE TABLE cc_remote_promo_campaign ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, file_name VARCHAR(255) NOT NULL, "
                + "format VARCHAR(10) NOT NULL, size_bytes BIGINT NOT NULL, width INTEGER NOT NULL, "
                + "height INTEGER NOT NULL, sha256 VARCHAR(64) NOT NULL, recipients VARCHAR(2000), "
                + "created_by VARCHAR(100) NOT NULL, created_at TIMESTAMP NOT NULL)"));
        TABLES.put("CC_REMOTE_PROMO_DELIVERY", List.of("CREATE TABLE cc_remote_promo_delivery ("
                + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, campaign_id BIGINT NOT NULL, "
                + "equipment_id BIGINT NOT NULL, serial_number VARCHAR(100) NOT NULL, family VARCHAR(50), "
                + "client_id BIGINT, state VARCHAR(20) NOT NULL, attempts INTEGER NOT NULL, "
                + "updated_at TIMESTAMP NOT NULL, duration_ms BIGINT, outcome VARCHAR(30), message VARCHAR(2000), "
                + "CONSTRAINT uq_remote_promo_delivery UNIQUE (campaign_id, equipment_id))",
                "CREATE INDEX ix_remote_promo_equipment ON cc_remote_promo_delivery (equipment_id, state)"));
    }

    private RemoteSchema() {
    }

    public static void ensure(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
                if (exists(md, t.getKey())) {
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    for (String ddl : t.getValue()) {
                        st.execute(ddl);
                    }
                } catch (SQLException e) {
                    // another node of a cluster may have created it meanwhile
                    if (!exists(c.getMetaData(), t.getKey())) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean exists(DatabaseMetaData md, String table) throws SQLException {
        // Derby folds names to upper case, PostgreSQL to lower case
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = md.getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
