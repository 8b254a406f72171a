package org.coffeecontrol.core.internal.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Map;

import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.storage.SchemaMigrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = HealthCheck.class)
public class DatabaseHealthCheck implements HealthCheck {

    private final CoreDatabase db;

    @Activate
    public DatabaseHealthCheck(@Reference CoreDatabase db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthStatus check() {
        try (Connection c = db.dataSource().getConnection()) {
            if (!c.isValid(2)) {
                return HealthStatus.down("connection not valid");
            }
            DatabaseMetaData md = c.getMetaData();
            return HealthStatus.up("connected", Map.of("product", md.getDatabaseProductName() + " "
                    + md.getDatabaseProductVersion(), "schemaVersion", SchemaMigrations.version(c, CoreDatabase.VERSION_TABLE)));
        } catch (Exception e) {
            return HealthStatus.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
