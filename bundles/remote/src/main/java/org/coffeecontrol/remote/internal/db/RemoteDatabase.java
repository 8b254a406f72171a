package org.coffeecontrol.remote.internal.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The platform's DataSource with this bundle's tables in place: a service only once they exist. */
@Component(service = RemoteDatabase.class)
public class RemoteDatabase {

    private final Jdbc jdbc;

    @Activate
    public RemoteDatabase(@Reference(target = "(dataSourceName=coffee)") DataSource dataSource) throws SQLException {
        RemoteSchema.ensure(dataSource);
        this.jdbc = new Jdbc(dataSource);
    }

    public Jdbc jdbc() {
        return jdbc;
    }
}
