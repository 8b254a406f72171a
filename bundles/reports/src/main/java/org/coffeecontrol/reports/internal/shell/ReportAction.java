package org.coffeecontrol.reports.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.reports.api.ReportService;
import org.coffeecontrol.shell.api.ShellCaller;

/**
 * Base of the report commands: they run as the session's Coffee Control user (so the service applies that user's
 * roles and clients), and an expected failure is one line and exit status 1.
 */
abstract class ReportAction implements Action {

    @Reference
    ReportService reports;

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
        return ShellCaller.run(session, users, this::run);
    }

    abstract void run(Caller caller) throws Exception;

}
