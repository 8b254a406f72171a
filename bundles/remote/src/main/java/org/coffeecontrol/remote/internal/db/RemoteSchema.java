package org.coffeecontrol.remote.internal.db;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.coffeecontrol.api.storage.SchemaMigrations;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;

/**
 * This bundle's own tables, next to core's in the same database, versioned in {@code cc_remote_schema} so that the
 * bundle can be added to, upgraded in or removed from a running platform on its own.
 *
 * <p>Before the scripts existed the bundle created each table when it was missing. Such a database has remote tables
 * but no version table: script 1, which holds exactly that layout, is then applied as a baseline — the tables and
 * indexes already there are kept with their rows, only the missing ones (from an older bundle) are created.
 */
public final class RemoteSchema {

    static final String TABLE = "cc_remote_schema";

    static final List<Script> SCRIPTS = List.of(new Script(1, "remote", "db/R001__remote.sql"));

    private RemoteSchema() {
    }

    public static int ensure(DataSource dataSource) throws SQLException {
        return migrate(dataSource, SCRIPTS);
    }

    /** @return the schema version after migrating */
    static int migrate(DataSource dataSource, List<Script> scripts) throws SQLException {
        return SchemaMigrations.forTable(TABLE, RemoteSchema.class.getClassLoader()).scripts(scripts)
                .baselineExistingTables().migrate(dataSource);
    }
}
