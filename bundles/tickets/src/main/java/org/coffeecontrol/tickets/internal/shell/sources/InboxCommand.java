package org.coffeecontrol.tickets.internal.shell.sources;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.tickets.api.InboxItem;
import org.coffeecontrol.tickets.api.MailPollResult;
import org.coffeecontrol.tickets.api.Ticket;
import org.coffeecontrol.tickets.api.TicketInbox;

/** Mail triage: list, poll now, assign a triage mail to a POS, dismiss. */
@Service
@Command(scope = "coffee", name = "ticket-inbox", description = "The ticket mailbox: what came in and what waits "
        + "for triage; --poll reads the mailbox now, --assign ID --pos POS opens a ticket, --dismiss ID a no-request")
public class InboxCommand extends SourcesAction {

    @Reference
    TicketInbox inbox;

    @Option(name = "--all", aliases = "-a", description = "Every mail, not only those waiting for triage")
    boolean all;

    @Option(name = "--poll", description = "Read the mailbox now")
    boolean poll;

    @Option(name = "--assign", description = "Inbox item to open a ticket from (needs --pos)")
    Long assign;

    @Option(name = "--pos", description = "Point of sale ID for --assign")
    Long pos;

    @Option(name = "--dismiss", description = "Inbox item that is no request (needs a reason argument)")
    Long dismiss;

    @Argument(name = "reason", description = "Why it is dismissed", required = false, multiValued = true)
    java.util.List<String> reason;

    @Option(name = "--limit", aliases = "-n", description = "Rows to show (default 50)")
    int limit = 50;

    @Override
    void run(Caller caller) {
        if (poll) {
            MailPollResult r = inbox.poll(caller);
            out.println("Read " + r.read() + ": " + r.tickets() + " new tickets, " + r.replies() + " replies, "
                    + r.triage() + " to triage, " + r.duplicates() + " duplicates, " + r.failed() + " failed");
            return;
        }
        if (assign != null) {
            if (pos == null) {
                throw new org.coffeecontrol.api.ValidationException("pos", "is required with --assign");
            }
            Ticket t = inbox.assign(caller, assign, pos, null);
            out.println("Opened " + t.number() + " from inbox item " + assign);
            return;
        }
        if (dismiss != null) {
            InboxItem item = inbox.dismiss(caller, dismiss, reason == null ? null : String.join(" ", reason));
            out.println("Inbox item " + item.id() + " dismissed");
            return;
        }
        Page<InboxItem> page = inbox.list(caller, !all, PageRequest.first(limit));
        ShellTable table = new ShellTable().emptyTableText(all ? "(no mail)" : "(nothing waits for triage)");
        table.column("ID");
        table.column("Received");
        table.column("Source");
        table.column("From");
        table.column("Subject").maxSize(40);
        table.column("Status");
        table.column("Ticket");
        table.column("Note").maxSize(40);
        for (InboxItem i : page.items()) {
            table.addRow().addContent(i.id(), time(i.receivedAt()), i.source(), text(i.sender()), text(i.subject()),
                    i.status(), text(i.ticketNumber()), text(i.note()));
        }
        table.print(out, true);
        out.println("Mails: " + page.items().size() + " of " + page.total());
    }
}
