package org.coffeecontrol.tickets.internal.shell.sources;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.tickets.api.IntraserviceSync;
import org.coffeecontrol.tickets.api.IntraserviceSyncResult;

/** Runs the Intraservice synchronisation now. */
@Service
@Command(scope = "coffee", name = "ticket-intraservice-sync", description = "Synchronise with Intraservice now")
public class IntraserviceCommand extends SourcesAction {

    @Reference(optional = true)
    IntraserviceSync sync;

    @Override
    void run(Caller caller) {
        caller.require("synchronise with Intraservice", Role.OPERATOR, Role.SERVICE_ADMIN);
        if (sync == null) {
            throw new ValidationException("intraservice", "the connector is not configured "
                    + "(org.coffeecontrol.tickets.intraservice)");
        }
        IntraserviceSyncResult r = sync.sync(caller);
        out.println("Imported " + r.imported() + ", to triage " + r.triage() + ", status in " + r.statusIn()
                + ", exported " + r.exported() + ", status out " + r.statusOut());
        r.errors().forEach(e -> out.println("  error: " + e));
    }
}
