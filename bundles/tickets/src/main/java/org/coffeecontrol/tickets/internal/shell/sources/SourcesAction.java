package org.coffeecontrol.tickets.internal.shell.sources;

import java.io.PrintStream;
import java.security.AccessController;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
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
import org.coffeecontrol.tickets.api.TicketService;

/**
 * Base of the ticket source and output commands: runs as the logged-in Coffee Control user (a Karaf administrator
 * unknown to the platform acts as ADMIN under its own name) and reports expected failures as one line.
 */
abstract class SourcesAction implements Action {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Reference
    UserService users;

    @Reference
    TicketService tickets;

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
        Optional<Caller> known = users.callerFor(name);
        if (known.isPresent()) {
            return known.get();
        }
        if (subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> "admin".equals(r.getName()))) {
            return new Caller(name, EnumSet.of(Role.ADMIN), true, Set.of());
        }
        throw new AccessDeniedException(name + " is not a Coffee Control user");
    }

    /** A ticket by number ({@code T000042}) or id. */
    long ticket(Caller caller, String ref) {
        String r = ref.strip();
        if (r.chars().allMatch(Character::isDigit)) {
            return tickets.get(caller, Long.parseLong(r)).id();
        }
        return tickets.byNumber(caller, r.toUpperCase(Locale.ROOT)).id();
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
