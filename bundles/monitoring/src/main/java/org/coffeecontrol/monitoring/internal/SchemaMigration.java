package org.coffeecontrol.monitoring.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.coffeecontrol.api.storage.SchemaMigrations;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;

/**
 * The monitoring tables, versioned on their own in {@code cc_monitoring_schema} so that the bundle can be added to,
 * upgraded in or removed from a running platform without touching core's numbering. Released scripts are never
 * edited: add M002….
 */
final class SchemaMigration {

    static final String TABLE = "cc_monitoring_schema";

    static final List<Script> SCRIPTS = List.of(new Script(1, "monitoring", "db/M001__monitoring.sql"));

    private SchemaMigration() {
    }

    /** @return the version after migrating */
    static int migrate(DataSource ds, List<Script> scripts) throws SQLException {
        return SchemaMigrations.forTable(TABLE, SchemaMigration.class.getClassLoader()).scripts(scripts).migrate(ds);
    }
}
