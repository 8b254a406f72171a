package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coffeecontrol.api.catalog.Client;
import org.coffeecontrol.api.health.HealthCheck;
import org.coffeecontrol.api.health.HealthStatus;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    private final Shell shell = new Shell();

    private static HealthCheck check(String name, HealthStatus status) {
        return new HealthCheck() {
            public String name() {
                return name;
            }

            public HealthStatus check() {
                return status;
            }
        };
    }

    private static HealthCheck broken(String name) {
        return new HealthCheck() {
            public String name() {
                return name;
            }

            public HealthStatus check() {
                throw new IllegalStateException("pool closed");
            }
        };
    }

    @Test
    void countsAndEveryHealthCheckInNameOrder() throws Exception {
        shell.catalog.saveClient(Caller.system(), new Client(null, "Acme", "ACME", null, null, null, 0));
        StatusCommand status = new StatusCommand();
        status.checks = List.of(check("ui", HealthStatus.up("port 8080", Map.of())), broken("database"),
                check("drivers", new HealthStatus(HealthStatus.State.DEGRADED, "no driver for family bw", null)));
        Shell.Result r = shell.run(Shell.console(), status);
        String out = r.out();
        assertTrue(out.contains("Clients:             1"), out);
        assertTrue(out.contains("Users:               0"), out);
        List<String> rows = r.lines().stream().filter(l -> l.contains(" | ") && !l.startsWith("Check")).toList();
        assertEquals(List.of("database", "drivers", "ui"), rows.stream().map(l -> l.split(" ")[0]).toList());
        assertTrue(out.contains("DOWN") && out.contains("check failed: IllegalStateException: pool closed"), out);
        assertTrue(out.contains("DEGRADED") && out.contains("UP"), out);
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void countsTheCallerMayNotReadShowAsDash() throws Exception {
        StatusCommand status = new StatusCommand();
        status.checks = List.of();
        Shell.Result r = shell.run(shell.dbUser("olga", EnumSet.of(Role.CLIENT), Set.of()), status);
        assertTrue(r.out().contains("Users:               -"), r.out());
        assertTrue(r.out().contains("(no health checks registered)"), r.out());
    }
}
