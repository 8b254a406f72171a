package org.coffeecontrol.tickets.internal.shell.sources;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.security.UserService;
import org.coffeecontrol.shell.api.ShellCaller;
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
        return ShellCaller.run(session, users, this::run);
    }

    abstract void run(Caller caller) throws Exception;

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
