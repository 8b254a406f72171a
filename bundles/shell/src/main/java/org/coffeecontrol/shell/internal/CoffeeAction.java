package org.coffeecontrol.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;

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
        try {
            Caller caller = ShellCaller.resolve(ShellCaller.currentSubject(session), users);
            run(caller, new Output(out));
        } catch (CoffeeException e) {
            // Karaf prints a CommandException's "nice help" as the whole message: one line, no stack trace, not
            // logged as an error; over SSH exec the command then exits with status 1, so scripts notice too.
            // (Printing to System.err instead is lost on the exec channel, which never flushes it.)
            String line = Output.error(e);
            throw new CommandException(line, line);
        }
        return null;
    }

    abstract void run(Caller caller, Output output) throws Exception;

    CatalogLookup lookup(Caller caller) {
        return new CatalogLookup(catalog, caller);
    }
}
