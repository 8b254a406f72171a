package org.coffeecontrol.tickets.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.coffeecontrol.api.storage.SchemaMigrations;
import org.coffeecontrol.api.storage.SchemaMigrations.Script;

/**
 * The ticket tables, versioned on their own in {@code cc_tkt_schema} so that the bundle can be added to or upgraded
 * in a running platform on its own. Released scripts are never edited: add T002….
 */
public final class Schema {

    static final String TABLE = "cc_tkt_schema";
    static final List<String> SCRIPTS = List.of("db/T001__tickets.sql");

    private Schema() {
    }

    static int migrate(DataSource ds) throws SQLException {
        return migrate(ds, TABLE, SCRIPTS);
    }

    /**
     * Applies the scripts not yet recorded in {@code table}; other parts of this bundle keep their own table and
     * numbering so that their scripts never collide with the ticket core's. A script's version is the number in its
     * name ({@code S001__…} is version 1).
     */
    public static int migrate(DataSource ds, String table, List<String> scripts) throws SQLException {
        return SchemaMigrations.forTable(table, Schema.class.getClassLoader())
                .scripts(scripts.stream().map(Script::of).toList()).migrate(ds);
    }
}
