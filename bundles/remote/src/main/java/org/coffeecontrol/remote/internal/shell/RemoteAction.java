package org.coffeecontrol.remote.internal.shell;

import java.io.PrintStream;
import java.security.AccessController;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.remote.internal.machine.Futures;

/**
 * Base of the remote commands: the caller is the session's login (as in coffee-shell: a database user with its
 * roles, or a Karaf administrator acting as ADMIN), expected failures are one line and exit status 1.
 */
abstract class RemoteAction implements Action {

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
        } catch (CoffeeException e) {
            String line = line(e);
            throw new CommandException(line, line);
        }
        return null;
    }

    abstract void run(Caller caller) throws Exception;

    @SuppressWarnings("removal") // Subject.current() only arrives with Java 18; Karaf 4.4 runs on 17
    private Caller caller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null && session != null && session.get(Subject.class.getName()) instanceof Subject s) {
            subject = s;
        }
        if (subject == null) {
            throw new AccessDeniedException("this shell session has no authenticated user");
        }
        String name = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst()
                .orElseThrow(() -> new AccessDeniedException("this shell session has no authenticated user"));
        Optional<Caller> known = users.callerFor(name);
        if (known.isPresent()) {
            return known.get();
        }
        if (subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> "admin".equals(r.getName()))) {
            return new Caller(name, EnumSet.of(Role.ADMIN), true, Set.of());
        }
        throw new AccessDeniedException(name + " is not a Coffee Control user");
    }

    /** Waits for remote work; Ctrl-C cancels it (and closes its SSH session). */
    static <T> T await(CompletableFuture<T> work) throws InterruptedException {
        try {
            return work.get();
        } catch (InterruptedException e) {
            work.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = Futures.unwrap(e.getCause());
            if (cause instanceof CoffeeException c) {
                throw c;
            }
            throw Futures.remote(cause);
        }
    }

    static String line(CoffeeException e) {
        if (e instanceof ValidationException v) {
            return "Invalid " + v.field() + ": " + v.detail();
        }
        if (e instanceof AccessDeniedException) {
            return "Access denied: " + e.getMessage();
        }
        return "Error: " + e.getMessage();
    }
}
