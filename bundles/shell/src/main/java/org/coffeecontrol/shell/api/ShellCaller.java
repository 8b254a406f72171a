package org.coffeecontrol.shell.api;

import java.security.AccessController;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.coffeecontrol.api.AccessDeniedException;
import org.coffeecontrol.api.CoffeeException;
import org.coffeecontrol.api.ConflictException;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.Role;
import org.coffeecontrol.api.security.UserService;

/**
 * Who runs a shell command, and how it fails, for every bundle's {@code coffee:*} commands. Karaf runs every
 * console (local, SSH, exec) inside {@code doAs} with the login's JAAS subject; its user principal names the Coffee
 * Control user whose rights apply. The services check permissions; commands only pass the caller on.
 */
public final class ShellCaller {

    /** The Karaf role that makes a login a Karaf administrator (local console, users.properties admins). */
    public static final String KARAF_ADMIN_ROLE = "admin";

    /** A command's work on behalf of its caller. */
    @FunctionalInterface
    public interface Work {
        void run(Caller caller) throws Exception;
    }

    private ShellCaller() {
    }

    /**
     * Runs {@code work} as the session's user. An expected failure becomes a {@link CommandException} whose "nice
     * help" is one clear line: Karaf prints it without a stack trace and does not log it as an error, and over SSH
     * exec the command exits with status 1, so scripts notice too (System.err is lost on the exec channel).
     */
    public static Object run(Session session, UserService users, Work work) throws Exception {
        try {
            work.run(of(session, users));
        } catch (CoffeeException e) {
            String line = failureLine(e);
            throw new CommandException(line, line);
        }
        return null;
    }

    /** The caller of the running command (see {@link #resolve}). */
    public static Caller of(Session session, UserService users) {
        return resolve(currentSubject(session), users);
    }

    /**
     * The subject of the running command. The exec channel of Karaf's SSH server also leaves it in the session,
     * which covers code paths that run outside the {@code doAs}.
     */
    @SuppressWarnings("removal") // Subject.current() only arrives with Java 18; Karaf 4.4 runs on 17
    public static Subject currentSubject(Session session) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null && session != null && session.get(Subject.class.getName()) instanceof Subject s) {
            return s;
        }
        return subject;
    }

    /**
     * A user of our database acts with their own roles and clients. A Karaf administrator that is not in our
     * database (the local console's {@code karaf} user) is still an administrator of the machine it runs on, so
     * it acts as ADMIN under its own name: the audit trail names who it was. Anyone else is refused.
     */
    public static Caller resolve(Subject subject, UserService users) {
        if (subject == null) {
            throw new AccessDeniedException("this shell session has no authenticated user");
        }
        String username = subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName)
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("this shell session has no authenticated user"));
        Optional<Caller> known = users.callerFor(username);
        if (known.isPresent()) {
            return known.get();
        }
        boolean karafAdmin = subject.getPrincipals(RolePrincipal.class).stream()
                .anyMatch(r -> KARAF_ADMIN_ROLE.equals(r.getName()));
        if (karafAdmin) {
            return new Caller(username, EnumSet.of(Role.ADMIN), true, Set.of());
        }
        throw new AccessDeniedException(username + " is not a Coffee Control user");
    }

    /** The one line an admin sees for an expected failure: never a stack trace, never several lines. */
    public static String failureLine(CoffeeException e) {
        String message;
        if (e instanceof ValidationException v) {
            message = "Invalid " + v.field() + ": " + v.detail();
        } else if (e instanceof AccessDeniedException) {
            message = "Access denied: " + e.getMessage();
        } else if (e instanceof ConflictException) {
            message = "Conflict: " + e.getMessage();
        } else {
            message = "Error: " + e.getMessage();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
