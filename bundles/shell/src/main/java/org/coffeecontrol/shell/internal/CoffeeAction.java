package org.coffeecontrol.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;

/**
 * Base of every coffee command: works out the caller, runs the command on its behalf, and turns the services'
 * expected failures into one line on the error stream. The services check permissions; commands do not.
 */
abstract class CoffeeAction implements Action {

    @Reference
    CatalogService catalog;

    @Reference
    UserService users;

    @Reference
    Session session;

    // Karaf swaps System.out/err per session thread, so these reach the caller's terminal.
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Object execute() throws Exception {
        try {
            Caller caller = ShellCaller.resolve(ShellCaller.currentSubject(session), users);
            run(caller, new Output(out));
        } catch (CoffeeException e) {
            err.println(Output.error(e));
        }
        return null;
    }

    abstract void run(Caller caller, Output output) throws Exception;

    CatalogLookup lookup(Caller caller) {
        return new CatalogLookup(catalog, caller);
    }
}
