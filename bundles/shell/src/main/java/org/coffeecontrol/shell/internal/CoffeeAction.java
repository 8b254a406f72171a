package org.coffeecontrol.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.shell.api.ShellCaller;

/**
 * Base of every coffee command: works out the caller, runs the command on its behalf, and turns the services'
 * expected failures into one clear line. The services check permissions; commands do not.
 */
abstract class CoffeeAction implements Action {

    @Reference
    CatalogService catalog;

    @Reference
    UserService users;

    @Reference
    Session session;

    // Karaf swaps System.out per session thread, so this reaches the caller's terminal.
    PrintStream out = System.out;

    @Override
    public Object execute() throws Exception {
        return ShellCaller.run(session, users, caller -> run(caller, new Output(out)));
    }

    abstract void run(Caller caller, Output output) throws Exception;

    CatalogLookup lookup(Caller caller) {
        return new CatalogLookup(catalog, caller);
    }
}
