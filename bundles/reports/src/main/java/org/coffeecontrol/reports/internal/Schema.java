package org.coffeecontrol.reports.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.coffeecontrol.api.storage.SchemaMigrations;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;

/**
 * The reports tables, versioned on their own in {@code cc_rep_schema} so this bundle can be added to or removed
 * from a running platform without touching core's numbering. Released scripts are never edited: add R002….
 */
final class Schema {

    private static final String VERSIONS = "cc_rep_schema";
    static final List<String> SCRIPTS = List.of("db/R001__reports.sql");

    private Schema() {
    }

    static void upgrade(DataSource ds) {
        try {
            SchemaMigrations.forTable(VERSIONS, Schema.class.getClassLoader())
                    .scripts(SCRIPTS.stream().map(Script::of).toList()).migrate(ds);
        } catch (SQLException e) {
            throw new IllegalStateException("reports database: " + e.getMessage(), e);
        }
    }
}
