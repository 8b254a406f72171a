package org.coffeecontrol.monitoring.internal.shell;

import java.io.PrintStream;

import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.monitoring.api.MonitoringService;

/** Wires commands the way Karaf's command extender does (field injection), for tests in other packages. */
public final class ShellAccess {

    public interface Command {
        Prepared build();
    }

    public static final class Prepared {
        private final MonitoringAction action;

        Prepared(MonitoringAction action) {
            this.action = action;
        }

        public Prepared withOut(PrintStream out) {
            action.out = out;
            return this;
        }

        public Object execute() throws Exception {
            return action.execute();
        }
    }

    private final MonitoringService monitoring;
    private final CatalogService catalog;
    private final UserService users;

    public ShellAccess(MonitoringService monitoring, CatalogService catalog, UserService users) {
        this.monitoring = monitoring;
        this.catalog = catalog;
        this.users = users;
    }

    public Prepared problems(boolean all) {
        ProblemsCommand c = new ProblemsCommand();
        c.all = all;
        return wire(c);
    }

    public Prepared machine(String ref) {
        MachineCommand c = new MachineCommand();
        c.machine = ref;
        return wire(c);
    }

    private Prepared wire(MonitoringAction a) {
        a.monitoring = monitoring;
        a.catalog = catalog;
        a.users = users;
        return new Prepared(a);
    }
}
