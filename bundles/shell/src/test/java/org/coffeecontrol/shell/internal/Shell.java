package org.coffeecontrol.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.coffeecontrol.api.security.Role;

/**
 * Runs commands the way Karaf does: services injected into the fields, the action executed inside
 * {@code doAs} of the login subject, output captured. Prompts are answered from a script.
 */
final class Shell {

    final InMemoryCatalog catalog = new InMemoryCatalog();
    final InMemoryUsers users = new InMemoryUsers();

    /** @param err the failure line Karaf would print, empty when the command succeeded */
    record Result(String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Subject login(String username, String... karafRoles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(username));
        Arrays.stream(karafRoles).forEach(r -> subject.getPrincipals().add(new RolePrincipal(r)));
        return subject;
    }

    /** The local console: Karaf user "karaf" with the admin role, unknown to our database. */
    static Subject console() {
        return login("karaf", "admin", "manager", "viewer", "systembundles", "ssh");
    }

    /** A database user holding exactly these roles and clients. */
    Subject dbUser(String username, Set<Role> roles, Set<Long> clients) {
        users.put(username, roles, clients);
        return login(username);
    }

    /** A Session whose prompts return the given answers in order; a prompt too many fails the test. */
    static Session session(String... answers) {
        Deque<String> script = new ArrayDeque<>(List.of(answers));
        return (Session) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] { Session.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "readLine" -> {
                        if (script.isEmpty()) {
                            throw new AssertionError("unexpected prompt " + args[0]);
                        }
                        yield script.poll();
                    }
                    case "get" -> null;
                    case "toString" -> "scripted session";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A session without terminal, like Karaf's for {@code ssh host 'command'}: prompting is unsupported. */
    static Session noTerminal() {
        return (Session) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] { Session.class },
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    Result run(Subject subject, CoffeeAction action, String... answers) throws Exception {
        return run(subject, action, session(answers));
    }

    Result run(Subject subject, CoffeeAction action, Session session) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        action.catalog = catalog;
        action.users = users;
        action.session = session;
        action.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        String err = "";
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) action::execute);
        } catch (PrivilegedActionException e) {
            // What Karaf's console prints for it: the nice help alone, on one line.
            CommandException failure = (CommandException) e.getException();
            assertEquals(failure.getMessage(), failure.getNiceHelp());
            err = failure.getNiceHelp() + System.lineSeparator();
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err);
    }

    /** Wires a completer as Karaf's command manager would. */
    <T extends CatalogCompleter> T completer(T completer) {
        completer.catalog = catalog;
        completer.users = users;
        return completer;
    }
}
