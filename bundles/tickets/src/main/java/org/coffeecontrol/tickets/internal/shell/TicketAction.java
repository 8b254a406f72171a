package org.coffeecontrol.tickets.internal.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.shell.api.ShellCaller;
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
        return ShellCaller.run(session, users, this::run);
    }

    abstract void run(Caller caller) throws Exception;

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
