package org.coffeecontrol.monitoring.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.Notification;

@Service
@Command(scope = "coffee", name = "notifications", description = "Your notifications (MON-7); --read marks all "
        + "read, --clear removes the read ones")
public class NotificationsCommand extends MonitoringAction {

    @Option(name = "--unread", aliases = "-u", description = "Only unread ones")
    boolean unreadOnly;

    @Option(name = "--read", aliases = "-r", description = "Mark all as read")
    boolean markRead;

    @Option(name = "--clear", aliases = "-c", description = "Remove the read ones")
    boolean clear;

    @Option(name = "--limit", aliases = "-n", description = "Rows to show (default 50)")
    int limit = 50;

    @Override
    void run(Caller caller) {
        if (markRead) {
            out.println("Marked read: " + monitoring.markRead(caller, List.of()));
        }
        if (clear) {
            out.println("Removed: " + monitoring.clearRead(caller));
        }
        if (markRead || clear) {
            return;
        }
        Page<Notification> page = monitoring.notifications(caller, unreadOnly, PageRequest.first(limit));
        ShellTable table = new ShellTable().emptyTableText("(no notifications)");
        table.column("ID");
        table.column("When");
        table.column("");
        table.column("Kind");
        table.column("Title").maxSize(40);
        table.column("Message").maxSize(40);
        for (Notification n : page.items()) {
            table.addRow().addContent(n.id(), time(n.createdAt()), n.unread() ? "*" : "", n.kind(), n.title(),
                    text(n.message()));
        }
        table.print(out, true);
        out.println("Notifications: " + page.items().size() + " of " + page.total() + ", unread "
                + monitoring.unreadNotifications(caller));
    }
}
