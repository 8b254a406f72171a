package org.coffeecontrol.reports.internal.shell;

import java.io.PrintStream;
import java.security.AccessController;
import java.util.EnumSet;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.catalog.CatalogService;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.reports.api.ReportService;

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
        try {
            run(caller());
            return null;
        } catch (CoffeeException e) {
            String line = e instanceof ValidationException v ? "Invalid " + v.field() + ": " + v.detail()
                    : e instanceof AccessDeniedException ? "Access denied: " + e.getMessage()
                    : "Error: " + e.getMessage();
            throw new CommandException(line, line);
        }
    }

    abstract void run(Caller caller) throws Exception;

    /** The JAAS user of this session; a Karaf admin our database does not know acts as ADMIN. */
    @SuppressWarnings("removal") // Subject.current() arrives with Java 18; Karaf 4.4 runs on 17
    Caller caller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null && session != null) {
            Object s = session.get(Subject.class.getName());
            subject = s instanceof Subject sub ? sub : null;
        }
        String name = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName).findFirst().orElse(null);
        if (name == null) {
            throw new AccessDeniedException("this shell session has no authenticated user");
        }
        boolean karafAdmin = subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> "admin".equals(r.getName()));
        return users.callerFor(name).orElseGet(() -> {
            if (!karafAdmin) {
                throw new AccessDeniedException(name + " is not a Coffee Control user");
            }
            return new Caller(name, EnumSet.of(Role.ADMIN), true, Set.of());
        });
    }
}
