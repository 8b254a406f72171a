package org.coffeecontrol.tickets.internal.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketState;

@Service
@Command(scope = "coffee", name = "ticket-move", description = "Moves a ticket: a state (IN_PROGRESS, DONE, CLOSED, CANCELLED) "
        + "or take, resolve, escalate, assign")
public class TicketMoveCommand extends TicketAction {

    @Argument(index = 0, name = "ticket", required = true, description = "Ticket number or ID")
    String ref;

    @Argument(index = 1, name = "to", required = true, description = "Target state, or take / resolve / escalate / assign")
    String to;

    @Option(name = "--reason", aliases = "-r", description = "Reason (cancel, send back, escalate) or result (resolve)")
    String reason;

    @Option(name = "--executor", aliases = "-e", description = "Engineer to assign")
    String executor;

    @Override
    void run(Caller caller) {
        Ticket t = ticket(caller, ref);
        String target = to.strip().toLowerCase(Locale.ROOT);
        Ticket after = switch (target) {
            case "take" -> tickets.take(caller, t.id(), t.version());
            case "resolve" -> tickets.resolveRemotely(caller, t.id(), t.version(), reason);
            case "escalate" -> tickets.escalate(caller, t.id(), t.version(), reason);
            case "assign" -> tickets.assign(caller, t.id(), t.version(), executor, null);
            default -> {
                TicketState state;
                try {
                    state = TicketState.valueOf(target.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("to", "'" + to + "' is neither a state nor take/resolve/escalate/assign");
                }
                yield tickets.transition(caller, t.id(), t.version(), state, reason);
            }
        };
        out.println(after.number() + ": " + t.state() + " -> " + after.state()
                + (after.executor() == null ? "" : ", executor " + after.executor()));
    }
}
