package org.coffeecontrol.tickets.internal.sources;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.coffeecontrol.tickets.api.TicketService;
import org.coffeecontrol.tickets.internal.Jdbc;
import org.coffeecontrol.tickets.internal.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tables of the ticket sources and outputs (inbox, pre-tickets, Intraservice links, service acts, completeness
 * runs), migrated once for all of them with their own version table {@code cc_tkt_src_schema}. It waits for the
 * ticket service, whose tables these refer to.
 */
@Component(service = SourcesDatabase.class)
public class SourcesDatabase {

    static final String TABLE = "cc_tkt_src_schema";
    static final List<String> SCRIPTS = List.of("db/S001__ticket_sources.sql");

    private final Jdbc jdbc;

    @Activate
    public SourcesDatabase(@Reference(target = "(dataSourceName=coffee)") DataSource dataSource,
            @Reference TicketService tickets) throws SQLException {
        this(dataSource);
    }

    /** Tests: the ticket tables must exist already. */
    public SourcesDatabase(DataSource dataSource) throws SQLException {
        Schema.migrate(dataSource, TABLE, SCRIPTS);
        this.jdbc = new Jdbc(dataSource);
    }

    public Jdbc jdbc() {
        return jdbc;
    }
}
