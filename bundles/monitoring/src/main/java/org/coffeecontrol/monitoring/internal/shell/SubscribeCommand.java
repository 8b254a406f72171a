package org.coffeecontrol.monitoring.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.coffeecontrol.api.catalog.PointOfSale;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.monitoring.api.Subscription;

@Service
@Command(scope = "coffee", name = "subscribe", description = "Watch a point of sale (MON-8): its problems reach "
        + "you in-app and by e-mail; without an argument lists what you watch")
public class SubscribeCommand extends MonitoringAction {

    @Option(name = "--no-email", description = "In-app notifications only")
    boolean noEmail;

    @Option(name = "--remove", aliases = "-r", description = "Stop watching it")
    boolean remove;

    @Argument(name = "pos", description = "Point of sale code, name or ID")
    String pos;

    @Override
    void run(Caller caller) {
        if (pos == null) {
            for (Subscription s : monitoring.subscriptions(caller)) {
                out.println("#" + s.posId() + " " + text(s.posName()) + (s.email() ? " (e-mail)" : "") + " since "
                        + time(s.since()));
            }
            return;
        }
        PointOfSale p = pos(caller, pos);
        if (remove) {
            out.println(monitoring.unsubscribe(caller, p.id()) ? "No longer watching " + p.name()
                    : "You did not watch " + p.name());
            return;
        }
        Subscription s = monitoring.subscribe(caller, p.id(), !noEmail);
        out.println("Watching " + s.posName() + (s.email() ? " (in-app and e-mail)" : " (in-app)"));
    }
}
