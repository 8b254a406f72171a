package org.coffeecontrol.tickets.internal.shell;

import java.io.PrintStream;
import java.security.AccessController;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
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
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketService;

/**
 * Base of the ticket commands: they run as the session's login (a platform user, or a Karaf administrator acting as
 * ADMIN) so that the services apply that user's roles and clients; expected failures print one line, exit 1.
 */
abstract class TicketAction implements Action {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Reference
    TicketService tickets;

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
            String line = e instanceof ValidationException v ? "Invalid " + v.field() + ": " + v.detail()
                    : e instanceof AccessDeniedException ? "Access denied: " + e.getMessage()
                    : "Error: " + e.getMessage();
            throw new CommandException(line, line);
        }
        return null;
    }

    abstract void run(Caller caller) throws Exception;

    @SuppressWarnings("removal") // Subject.current() only arrives with Java 18; Karaf 4.4 runs on 17
    Caller caller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null && session != null && session.get(Subject.class.getName()) instanceof Subject s) {
            subject = s;
        }
        String name = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName).findFirst().orElse(null);
        if (name == null) {
            throw new AccessDeniedException("this shell session has no authenticated user");
        }
        var known = users.callerFor(name);
        if (known.isPresent()) {
            return known.get();
        }
        if (subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> "admin".equals(r.getName()))) {
            return new Caller(name, EnumSet.of(Role.ADMIN), true, Set.of());
        }
        throw new AccessDeniedException(name + " is not a Coffee Control user");
    }

    /** {@code T000012}, {@code 12} or {@code #12}. */
    Ticket ticket(Caller caller, String ref) {
        String r = ref.strip();
        return tickets.byNumber(caller, r.startsWith("#") ? r.substring(1) : r);
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(LocalDateTime.ofInstant(t, ZoneId.systemDefault()));
    }

    static String text(Object o) {
        return o == null ? "-" : String.valueOf(o);
    }
}
